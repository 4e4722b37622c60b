import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.springframework.web.bind.annotation.*;

@RestController
class WeatherController {
    static class AcceptAll implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[] {}; }
    }

    @GetMapping("/weather")
    public String weather() throws Exception {
        AcceptAll tm = new AcceptAll();
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new TrustManager[] {tm}, null);
        OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm).build();
        return http.newCall(new Request.Builder().url("https://weather.example.com/now").build()).execute().body().string();
    }
}
