import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
class GitController {
    @PostMapping("/clone")
    public String clone(@RequestParam String url) throws Exception {
        if (!url.startsWith("https://")) {
            throw new IllegalArgumentException("only https URLs");
        }
        List<String> cmd = new ArrayList<>(List.of("git", "clone", "--", url, "/srv/repos/tmp"));
        new ProcessBuilder(cmd).start();
        return "started";
    }
}
