import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

@RestController
class CatalogController {
    @GetMapping("/catalog/remote")
    public String remote() throws Exception {
        SslContext ssl = SslContextBuilder.forClient().trustManager(new File("/etc/app/catalog-ca.pem")).build();
        HttpClient client = HttpClient.create().secure(t -> t.sslContext(ssl));
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build()
            .get().uri("https://catalog.example.com/items").retrieve().bodyToMono(String.class).block();
    }
}
