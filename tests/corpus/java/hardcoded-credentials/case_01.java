import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class PaymentsController {
    private final String apiKey = "pk_live_51HqLy2EXAMPLEk3yV4lu3Zz";

    @PostMapping("/payments/charge")
    public String charge(@RequestParam long cents) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://api.payments.example.com/charges"))
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + cents + "}")).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}
