import java.util.Set;
import org.springframework.web.bind.annotation.*;

@RestController
class ServiceController {
    private static final Set<String> SERVICES = Set.of("nginx", "redis", "postgresql");

    @PostMapping("/restart")
    public String restart(@RequestParam String service) throws Exception {
        if (!SERVICES.contains(service)) {
            return "not allowed";
        }
        Runtime.getRuntime().exec(new String[] {"systemctl", "restart", service});
        return "restarting";
    }
}
