import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class AccountController {
    @PostMapping("/documents/fingerprint")
    public String fingerprint(@RequestBody String document) {
        return DigestUtils.sha256Hex(document);
    }
}
