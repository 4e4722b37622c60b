import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
class LinkController {
    private static final Set<String> HOSTS = Set.of("docs.example.com", "status.example.com");

    @GetMapping("/out")
    public ResponseEntity<Void> out(@RequestParam String url) {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) || !HOSTS.contains(uri.getHost())) {
            return ResponseEntity.status(400).build();
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(uri).build();
    }
}
