import java.util.Map;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class RegionController {
    private static final Map<String, String> ENDPOINTS = Map.of(
        "eu", "https://eu.api.example.com/health",
        "us", "https://us.api.example.com/health");

    @GetMapping("/region/health")
    public String health(@RequestParam String region) {
        String url = ENDPOINTS.get(region);
        if (url == null) return "unknown region";
        return new RestTemplate().getForObject(url, String.class);
    }
}
