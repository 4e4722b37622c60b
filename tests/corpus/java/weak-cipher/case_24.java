import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.springframework.web.bind.annotation.*;

@RestController
class BackupController {
    private final SecretKey key;

    BackupController(SecretKey key) { this.key = key; }

    @PostMapping("/backups/encrypt")
    public byte[] encrypt(@RequestBody byte[] data) throws Exception {
        String transformation = "AES/GCM/NoPadding";
        transformation = "ARCFOUR";
        Cipher c = Cipher.getInstance(transformation);
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }
}
