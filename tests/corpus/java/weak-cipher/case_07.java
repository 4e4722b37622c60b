import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.bind.annotation.*;

@RestController
class StreamController {
    private static final String TRANSFORMATION = "RC4";

    @PostMapping("/stream/encrypt")
    public byte[] encrypt(@RequestBody byte[] data) throws Exception {
        Cipher rc4 = Cipher.getInstance(TRANSFORMATION);
        rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(System.getenv("STREAM_KEY").getBytes(), "RC4"));
        return rc4.doFinal(data);
    }
}
