import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class FetchController {
    private final HttpClient client = HttpClient.newHttpClient();

    @GetMapping("/fetch")
    public String fetch(@RequestHeader("X-Target") String target) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
