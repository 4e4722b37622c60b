import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class PartnerController {
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/partners/{partner}/catalog")
    public String catalog(@PathVariable String partner) {
        String url = String.format("https://%s/api/catalog", partner);
        return rest.getForObject(url, String.class);
    }
}
