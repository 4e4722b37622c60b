import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
class ConvertController {
    @PostMapping("/convert")
    public int convert(@RequestParam("file") String file) throws Exception {
        List<String> args = new ArrayList<>();
        args.add("sh");
        args.add("-c");
        args.add("convert " + file + " /tmp/thumb.png");
        ProcessBuilder pb = new ProcessBuilder(args);
        return pb.start().waitFor();
    }
}
