import java.util.Set;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class PartnerController {
    private static final Set<String> PARTNERS = Set.of("acme.example.com", "globex.example.com");
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/partners/{partner}/catalog")
    public String catalog(@PathVariable String partner) {
        if (!PARTNERS.contains(partner)) throw new IllegalArgumentException("unknown partner");
        return rest.getForObject("https://" + partner + "/api/catalog", String.class);
    }
}
