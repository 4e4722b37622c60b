import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import org.springframework.web.bind.annotation.*;

@RestController
class MessageController {
    private final SecretKey key;

    MessageController(SecretKey key) { this.key = key; }

    @PostMapping("/messages")
    public byte[] send(@RequestBody String text) throws Exception {
        byte[] iv = new byte[16];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        return c.doFinal(text.getBytes());
    }
}
