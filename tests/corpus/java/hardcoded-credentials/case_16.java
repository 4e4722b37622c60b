import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.*;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class PartnerController {
    @Value("${partner.user}")
    private String user;

    @Value("${partner.password}")
    private String password;

    @GetMapping("/partner/orders")
    public String orders() {
        HttpHeaders h = new HttpHeaders();
        h.set("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
        return new RestTemplate().exchange("https://partner.example.com/orders", HttpMethod.GET, new HttpEntity<>(h), String.class).getBody();
    }
}
