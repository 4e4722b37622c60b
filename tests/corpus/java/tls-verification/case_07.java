import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.ssl.SSLContexts;
import org.springframework.web.bind.annotation.*;

@RestController
class BillingController {
    @GetMapping("/billing/ping")
    public int ping() throws Exception {
        CloseableHttpClient http = HttpClients.custom()
            .setSSLContext(SSLContexts.createSystemDefault())
            .setSSLHostnameVerifier(new DefaultHostnameVerifier())
            .build();
        return http.execute(new org.apache.http.client.methods.HttpGet("https://billing.example.com/ping")).getStatusLine().getStatusCode();
    }
}
