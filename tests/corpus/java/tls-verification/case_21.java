import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.springframework.web.bind.annotation.*;

@RestController
class LedgerController {
    @GetMapping("/ledger/health")
    public int health() throws Exception {
        try (var http = HttpClients.createSystem()) {
            return http.execute(new org.apache.hc.client5.http.classic.methods.HttpGet("https://ledger.example.com/health"), r -> r.getCode());
        }
    }
}
