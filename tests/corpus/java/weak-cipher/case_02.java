import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.bind.annotation.*;

@RestController
class LegacyController {
    @PostMapping("/legacy/encrypt")
    public byte[] encrypt(@RequestParam String value) throws Exception {
        Cipher bf = Cipher.getInstance("Blowfish/ECB/NoPadding");
        bf.init(Cipher.ENCRYPT_MODE, new SecretKeySpec("0123456789abcdef".getBytes(), "Blowfish"));
        return bf.doFinal(String.format("%-16s", value).getBytes());
    }
}
