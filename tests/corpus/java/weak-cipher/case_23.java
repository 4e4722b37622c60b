import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.web.bind.annotation.*;

@RestController
class LegacyController {
    private final BytesEncryptor encryptor =
        Encryptors.stronger(System.getenv("ENC_PASSWORD"), KeyGenerators.string().generateKey());

    @PostMapping("/legacy/encrypt")
    public byte[] encrypt(@RequestParam String value) {
        return encryptor.encrypt(value.getBytes());
    }
}
