import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.*;

@RestController
class ResetController {
    @PostMapping("/password-reset")
    public String reset(@RequestParam String email) {
        String token = Hashing.md5().hashString(email + System.nanoTime(), StandardCharsets.UTF_8).toString();
        return "reset link sent (" + token.length() + ")";
    }
}
