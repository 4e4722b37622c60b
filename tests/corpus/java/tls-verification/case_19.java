import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.TrustSelfSignedStrategy;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.ssl.SSLContexts;
import org.springframework.web.bind.annotation.*;

@RestController
class ShippingController {
    @GetMapping("/shipping/rates")
    public String rates() throws Exception {
        var ssl = SSLContexts.custom().loadTrustMaterial(new TrustSelfSignedStrategy()).build();
        var factory = new SSLConnectionSocketFactory(ssl, SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);
        var http = HttpClients.custom().setSSLSocketFactory(factory).build();
        return org.apache.http.util.EntityUtils.toString(http.execute(new org.apache.http.client.methods.HttpGet("https://ship.example.com/rates")).getEntity());
    }
}
