import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.*;

@RestController
class ResetController {
    @PostMapping("/password-reset")
    public String reset(@RequestParam String email) {
        String digest = Hashing.sha256().hashString(email, StandardCharsets.UTF_8).toString();
        return "reset requested for " + digest.substring(0, 8);
    }
}
