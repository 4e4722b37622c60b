import java.io.File;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.ssl.SSLContexts;
import org.springframework.web.bind.annotation.*;

@RestController
class ShippingController {
    @GetMapping("/shipping/rates")
    public String rates() throws Exception {
        var ssl = SSLContexts.custom()
            .loadTrustMaterial(new File("/etc/app/shipping-trust.jks"), System.getenv("TRUST_PASSWORD").toCharArray())
            .build();
        var http = HttpClients.custom().setSSLContext(ssl).build();
        return org.apache.http.util.EntityUtils.toString(http.execute(new org.apache.http.client.methods.HttpGet("https://ship.example.com/rates")).getEntity());
    }
}
