import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import org.springframework.web.bind.annotation.*;

@RestController
class StreamController {
    private final KeysetHandle keyset;

    StreamController(KeysetHandle keyset) throws Exception {
        AeadConfig.register();
        this.keyset = keyset;
    }

    @PostMapping("/stream/encrypt")
    public byte[] encrypt(@RequestBody byte[] data) throws Exception {
        Aead aead = keyset.getPrimitive(Aead.class);
        return aead.encrypt(data, "stream".getBytes());
    }
}
