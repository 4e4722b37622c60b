import java.security.cert.X509Certificate;
import javax.net.ssl.*;
import org.springframework.web.bind.annotation.*;

@RestController
class PartnerController {
    @GetMapping("/partner/status")
    public int status() throws Exception {
        TrustManager[] trustAll = { new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        } };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, new java.security.SecureRandom());
        HttpsURLConnection conn = (HttpsURLConnection) new java.net.URL("https://partner.example.com/status").openConnection();
        conn.setSSLSocketFactory(ctx.getSocketFactory());
        return conn.getResponseCode();
    }
}
