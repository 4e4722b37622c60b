import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class NetController {
    @PostMapping("/net/dig")
    public String dig(@RequestBody Map<String, String> payload) throws Exception {
        String name = payload.getOrDefault("name", "example.com");
        String[] argv = new String[3];
        argv[0] = "sh";
        argv[1] = "-c";
        argv[2] = "dig +short " + name;
        return new String(Runtime.getRuntime().exec(argv).getInputStream().readAllBytes());
    }
}
