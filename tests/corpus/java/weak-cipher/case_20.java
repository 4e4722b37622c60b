import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.web.bind.annotation.*;

@RestController
class VaultController {
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    VaultController(SecretKey key) { this.key = key; }

    @PostMapping("/vault")
    public byte[] store(@RequestBody String secret) throws Exception {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] ct = cipher.doFinal(secret.getBytes());
        return java.nio.ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
    }
}
