import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.springframework.web.bind.annotation.*;

@RestController
class ArchiveController {
    private static final Map<String, String> MODES = Map.of("fast", "AES/ECB/NoPadding", "compat", "DES/CBC/NoPadding");
    private final SecretKey key;

    ArchiveController(SecretKey key) { this.key = key; }

    @PostMapping("/archive/seal")
    public byte[] seal(@RequestBody byte[] blob) throws Exception {
        Cipher c = Cipher.getInstance(MODES.get("fast"));
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(blob);
    }
}
