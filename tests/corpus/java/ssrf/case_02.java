import org.springframework.web.bind.annotation.*;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

@RestController
class ProxyController {
    private final WebClient web = WebClient.create();

    @GetMapping("/proxy")
    public Mono<String> proxy(@RequestParam String host, @RequestParam String path) {
        String url = "http://" + host + "/" + path;
        return web.get().uri(url).retrieve().bodyToMono(String.class);
    }
}
