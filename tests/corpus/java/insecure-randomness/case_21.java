import javax.crypto.KeyGenerator;
import org.springframework.web.bind.annotation.*;

@RestController
class KeyController {
    @PostMapping("/keys")
    public int generate() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        return kg.generateKey().getEncoded().length;
    }
}
