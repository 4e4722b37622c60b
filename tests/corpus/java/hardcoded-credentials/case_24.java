import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.bind.annotation.*;

@RestController
class VaultController {
    private static final byte[] KEY = "Q7w9E2r4T6y8U1i3O5p7A9s2D4f6G8h0".getBytes();

    @PostMapping("/vault")
    public byte[] seal(@RequestBody byte[] data) throws Exception {
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, iv));
        return c.doFinal(data);
    }
}
