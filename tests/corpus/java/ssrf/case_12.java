import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class WebhookController {
    private final RestTemplate rest = new RestTemplate();

    @PostMapping("/webhooks/test")
    public String test(@RequestParam String endpoint) {
        return rest.getForObject(endpoint, String.class);
    }
}
