import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.TrustAllStrategy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.ssl.SSLContextBuilder;
import org.springframework.web.bind.annotation.*;

@RestController
class BillingController {
    @GetMapping("/billing/ping")
    public int ping() throws Exception {
        CloseableHttpClient http = HttpClients.custom()
            .setSSLContext(new SSLContextBuilder().loadTrustMaterial(null, TrustAllStrategy.INSTANCE).build())
            .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE)
            .build();
        return http.execute(new org.apache.http.client.methods.HttpGet("https://billing.example.com/ping")).getStatusLine().getStatusCode();
    }
}
