import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.web.bind.annotation.*;

@RestController
class SmtpCheckController {
    @GetMapping("/smtp/check")
    public boolean check() throws Exception {
        X509TrustManager tm = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) {}
            public void checkServerTrusted(X509Certificate[] chain, String type) {
                System.out.println("server presented " + chain.length + " certificates");
            }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        try (var socket = ctx.getSocketFactory().createSocket("smtp.example.com", 465)) {
            return socket.isConnected();
        }
    }
}
