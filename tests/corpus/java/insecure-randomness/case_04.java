import java.util.Random;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.bind.annotation.*;

@RestController
class KeyController {
    @PostMapping("/keys")
    public int generate() {
        byte[] key = new byte[32];
        new Random().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        return spec.getEncoded().length;
    }
}
