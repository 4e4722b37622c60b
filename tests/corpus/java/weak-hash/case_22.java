import java.security.MessageDigest;
import org.springframework.web.bind.annotation.*;

@RestController
class PinController {
    @PostMapping("/pins/digest")
    public int pin(@RequestParam String data) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA3-256");
        return d.digest(data.getBytes()).length;
    }
}
