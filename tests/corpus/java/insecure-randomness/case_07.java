import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.web.bind.annotation.*;

@RestController
class ApiKeyController {
    private final SecureRandom random = new SecureRandom();

    @PostMapping("/api-keys")
    public String create() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
