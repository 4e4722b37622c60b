import java.security.KeyPair;
import java.security.KeyPairGenerator;
import javax.crypto.Cipher;
import org.springframework.web.bind.annotation.*;

@RestController
class KeyWrapController {
    private final KeyPair pair;

    KeyWrapController() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072);
        this.pair = g.generateKeyPair();
    }

    @PostMapping("/keys/wrap")
    public byte[] wrap(@RequestBody byte[] dataKey) throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, pair.getPublic());
        return rsa.doFinal(dataKey);
    }
}
