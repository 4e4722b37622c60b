import java.util.Map;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class ImportController {
    private final RestTemplate restTemplate;

    ImportController(RestTemplate restTemplate) { this.restTemplate = restTemplate; }

    @PostMapping("/import/feed")
    public int importFeed(@RequestBody Map<String, String> body) {
        String feed = body.get("feedUrl");
        String xml = restTemplate.getForEntity(feed, String.class).getBody();
        return xml == null ? 0 : xml.length();
    }
}
