import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.springframework.web.bind.annotation.*;

@RestController
class ReportController {
    private final SecretKey key;

    ReportController(SecretKey key) { this.key = key; }

    private byte[] seal(byte[] in) throws Exception {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
        aes.init(Cipher.ENCRYPT_MODE, key);
        return aes.doFinal(in);
    }

    @GetMapping("/reports/{id}/sealed")
    public byte[] sealed(@PathVariable long id) throws Exception {
        byte[] block = new byte[16];
        java.nio.ByteBuffer.wrap(block).putLong(id);
        return seal(block);
    }
}
