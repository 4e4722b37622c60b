import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class HttpConfig {
    private TrustManager[] lenient() {
        return new TrustManager[] { new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] x, String s) {}
            public void checkServerTrusted(X509Certificate[] x, String s) { }
            public X509Certificate[] getAcceptedIssuers() { return null; }
        } };
    }

    @Bean
    HttpClient httpClient() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, lenient(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }
}
