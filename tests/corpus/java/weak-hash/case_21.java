import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.*;

@RestController
class SignupController {
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);

    @PostMapping("/signup")
    public String signup(@RequestParam String username, @RequestParam String password) {
        return username + ":" + encoder.encode(password).length();
    }
}
