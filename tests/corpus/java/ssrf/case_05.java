import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class WebhookController {
    @PostMapping("/webhooks/test")
    public String test(@RequestParam String endpoint) throws Exception {
        URI uri = URI.create(endpoint);
        InetAddress addr = InetAddress.getByName(uri.getHost());
        if (!"https".equals(uri.getScheme()) || addr.isLoopbackAddress() || addr.isSiteLocalAddress()
                || addr.isLinkLocalAddress() || addr.isAnyLocalAddress()) {
            return "endpoint must be a public https URL";
        }
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
