import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class ReportController {
    private static final Map<String, String[]> COMMANDS = Map.of(
        "disk", new String[] {"df", "-h"},
        "uptime", new String[] {"uptime"});

    @GetMapping("/report")
    public String report(@RequestParam String kind) throws Exception {
        String[] cmd = COMMANDS.get(kind);
        if (cmd == null) {
            return "unknown report";
        }
        return new String(Runtime.getRuntime().exec(cmd).getInputStream().readAllBytes());
    }
}
