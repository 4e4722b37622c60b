import java.util.List;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class PingController {
    @PostMapping("/ping-all")
    public int pingAll(@RequestBody List<String> urls) {
        RestTemplate rt = new RestTemplate();
        int up = 0;
        for (String u : urls) {
            if (rt.getForEntity(u, String.class).getStatusCode().is2xxSuccessful()) up++;
        }
        return up;
    }
}
