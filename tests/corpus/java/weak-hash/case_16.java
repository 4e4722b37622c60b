import java.security.MessageDigest;
import org.springframework.web.bind.annotation.*;

@RestController
class TokenController {
    @PostMapping("/api-keys")
    public String create(@RequestParam String owner) throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes());
        return owner + ":" + java.util.Base64.getEncoder().encodeToString(digest);
    }
}
