import java.security.MessageDigest;
import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class PinController {
    private static final Map<String, String> ALGS = Map.of("legacy", "MD2", "default", "MD5");

    @PostMapping("/pins")
    public int pin(@RequestParam String pin) throws Exception {
        MessageDigest d = MessageDigest.getInstance(ALGS.get("default"));
        return d.digest(pin.getBytes()).length;
    }
}
