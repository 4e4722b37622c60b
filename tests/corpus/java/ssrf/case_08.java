import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class UserFetchController {
    private final HttpClient client = HttpClient.newHttpClient();

    @GetMapping("/users/{id}/remote")
    public String fetch(@PathVariable long id) throws Exception {
        URI uri = URI.create("https://directory.internal.example.com/users/" + id);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
