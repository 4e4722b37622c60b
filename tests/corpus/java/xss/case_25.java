import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
class CommentController {
    @PostMapping("/comments/preview")
    public ResponseEntity<String> preview(@RequestBody java.util.Map<String, String> body) {
        StringBuilder html = new StringBuilder("<article>");
        html.append(body.get("text")).append("</article>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.toString());
    }
}
