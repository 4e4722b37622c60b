import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class StatusController {
    @GetMapping("/status/check")
    public String check(@RequestParam String service) throws Exception {
        String svc = switch (service) {
            case "billing" -> "http://billing.svc.cluster.local/health";
            case "search" -> "http://search.svc.cluster.local/health";
            default -> throw new IllegalArgumentException("unknown service");
        };
        try (var http = HttpClients.createDefault()) {
            return EntityUtils.toString(http.execute(new HttpGet(svc)).getEntity());
        }
    }
}
