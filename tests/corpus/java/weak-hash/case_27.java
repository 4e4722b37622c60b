import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;

@RestController
class ChangePasswordController {
    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @PostMapping("/password")
    public int change(@RequestParam String newPassword) {
        return encoder.encode(newPassword).length();
    }
}
