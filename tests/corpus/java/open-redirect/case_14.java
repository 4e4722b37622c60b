import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
class SearchController {
    @GetMapping("/go-search")
    public ResponseEntity<Void> search(@RequestParam String q) {
        URI uri = UriComponentsBuilder.fromPath("/search").queryParam("q", q).encode().build().toUri();
        return ResponseEntity.status(302).location(uri).build();
    }
}
