import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.springframework.web.bind.annotation.*;

@RestController
class SearchProxyController {
    private final OkHttpClient http = new OkHttpClient();

    @GetMapping("/search-proxy")
    public String search(@RequestParam String q) throws Exception {
        String url = "https://search.example.com/api?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        try (var response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.body().string();
        }
    }
}
