import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/tools")
class ToolsController {
    @GetMapping("/whois/{target}")
    public String whois(@PathVariable String target) throws Exception {
        Map<String, String> opts = new HashMap<>();
        opts.put("target", target);
        Runtime runtime = Runtime.getRuntime();
        runtime.exec("whois " + opts.get("target"));
        return "queued";
    }
}
