import java.util.Map;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class CurrencyController {
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/fx")
    public Object fx(@RequestParam String from, @RequestParam String to) {
        if (!from.matches("^[A-Z]{3}$") || !to.matches("^[A-Z]{3}$")) return "currency codes are 3 letters";
        return rest.getForObject("https://fx.example.com/rates/{from}/{to}", Map.class, from, to);
    }
}
