import org.springframework.web.bind.annotation.*;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

@RestController
class RepoController {
    private final WebClient github = WebClient.create("https://api.github.com");

    @GetMapping("/repos/{owner}/{name}")
    public Mono<String> repo(@PathVariable String owner, @PathVariable String name) {
        return github.get().uri("/repos/{owner}/{name}", owner, name).retrieve().bodyToMono(String.class);
    }
}
