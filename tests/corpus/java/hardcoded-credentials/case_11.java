import java.util.Base64;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;
import org.springframework.http.*;

@RestController
class PartnerController {
    @GetMapping("/partner/orders")
    public String orders() {
        String basic = Base64.getEncoder().encodeToString("partner-api:Xy7!kP2q#Lm9".getBytes());
        HttpHeaders h = new HttpHeaders();
        h.set("Authorization", "Basic " + basic);
        return new RestTemplate().exchange("https://partner.example.com/orders", HttpMethod.GET, new HttpEntity<>(h), String.class).getBody();
    }
}
