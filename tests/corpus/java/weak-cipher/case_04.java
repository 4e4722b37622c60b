import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.web.bind.annotation.*;

@RestController
class BackupController {
    private final SecretKey key;

    BackupController(SecretKey key) { this.key = key; }

    @PostMapping("/backups/encrypt")
    public byte[] encrypt(@RequestBody byte[] data) throws Exception {
        String transformation = "DES";
        transformation = "AES/GCM/NoPadding";
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance(transformation);
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return c.doFinal(data);
    }
}
