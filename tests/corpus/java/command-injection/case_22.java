import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class ToolsController {
    @GetMapping("/tools/{tool}")
    public String tool(@PathVariable String tool) throws Exception {
        Map<String, String> paths = new HashMap<>();
        paths.put("date", "/bin/date");
        paths.put("host", "/bin/hostname");
        String exe = paths.getOrDefault(tool, "/bin/true");
        Runtime runtime = Runtime.getRuntime();
        return new String(runtime.exec(new String[] {exe}).getInputStream().readAllBytes());
    }
}
