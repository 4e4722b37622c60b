import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.web.bind.annotation.*;

@RestController
class ArchiveController {
    private static final Map<String, String> MODES = Map.of("default", "AES/GCM/NoPadding");
    private final SecretKey key;

    ArchiveController(SecretKey key) { this.key = key; }

    @PostMapping("/archive/seal")
    public byte[] seal(@RequestBody byte[] blob, @RequestHeader("X-Nonce") String nonceHex) throws Exception {
        Cipher c = Cipher.getInstance(MODES.get("default"));
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, java.util.HexFormat.of().parseHex(nonceHex)));
        return c.doFinal(blob);
    }
}
