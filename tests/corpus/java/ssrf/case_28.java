import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class StatusController {
    @GetMapping("/status/check")
    public String check(@RequestParam String service) throws Exception {
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            return EntityUtils.toString(http.execute(new HttpGet(service)).getEntity());
        }
    }
}
