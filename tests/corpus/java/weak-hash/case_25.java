import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;

@RestController
class SignupController {
    private final PasswordEncoder encoder = new MessageDigestPasswordEncoder("MD5");

    @PostMapping("/signup")
    public String signup(@RequestParam String username, @RequestParam String password) {
        return username + ":" + encoder.encode(password).length();
    }
}
