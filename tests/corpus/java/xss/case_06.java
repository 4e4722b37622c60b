import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class CommentController {
    @PostMapping("/comments/preview")
    public Map<String, String> preview(@RequestBody Map<String, String> body) {
        return Map.of("text", body.getOrDefault("text", ""), "status", "draft");
    }
}
