import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class AccountController {
    @PostMapping("/accounts")
    public String create(@RequestParam String user, @RequestParam String password) {
        String stored = DigestUtils.md5Hex(password);
        return user + " created with " + stored.substring(0, 4);
    }
}
