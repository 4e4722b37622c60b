import java.nio.file.*;
import org.springframework.web.bind.annotation.*;

@RestController
class LogController {
    private static final Path ROOT = Paths.get("/var/log/app");

    private Path resolve(String name) {
        return ROOT.resolve(name);
    }

    @GetMapping("/logs")
    public String tail(@RequestParam String name) throws Exception {
        return Files.readString(resolve(name));
    }
}
