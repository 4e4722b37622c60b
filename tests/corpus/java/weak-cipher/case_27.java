import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.springframework.web.bind.annotation.*;

@RestController
class VaultController {
    private final SecretKey key;

    VaultController(SecretKey key) { this.key = key; }

    @PostMapping("/vault")
    public byte[] store(@RequestBody String secret) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(secret.getBytes());
    }
}
