import java.io.FileInputStream;
import java.security.KeyStore;
import javax.net.ssl.*;
import org.springframework.web.bind.annotation.*;

@RestController
class PartnerController {
    @GetMapping("/partner/status")
    public int status() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream("/etc/app/partner-truststore.p12")) {
            trust.load(in, System.getenv("TRUSTSTORE_PASSWORD").toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpsURLConnection conn = (HttpsURLConnection) new java.net.URL("https://partner.example.com/status").openConnection();
        conn.setSSLSocketFactory(ctx.getSocketFactory());
        return conn.getResponseCode();
    }
}
