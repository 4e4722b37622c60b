import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.springframework.web.bind.annotation.*;

@RestController
class UnfurlController {
    private final OkHttpClient http = new OkHttpClient();

    @GetMapping("/unfurl")
    public String unfurl(@RequestParam String link) throws Exception {
        Request request = new Request.Builder().url(link).build();
        try (var response = http.newCall(request).execute()) {
            return response.body().string().substring(0, 200);
        }
    }
}
