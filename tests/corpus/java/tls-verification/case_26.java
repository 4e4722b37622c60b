import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.springframework.web.bind.annotation.*;

@RestController
class WeatherController {
    private final OkHttpClient http = new OkHttpClient.Builder()
        .certificatePinner(new CertificatePinner.Builder()
            .add("weather.example.com", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
            .build())
        .build();

    @GetMapping("/weather")
    public String weather() throws Exception {
        return http.newCall(new Request.Builder().url("https://weather.example.com/now").build()).execute().body().string();
    }
}
