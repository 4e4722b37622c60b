import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.web.bind.annotation.*;

@RestController
class UserController {
    private final Pbkdf2PasswordEncoder encoder = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @PostMapping("/users/{id}/password")
    public boolean set(@PathVariable long id, @RequestParam String password) {
        String hash = encoder.encode(password);
        return encoder.matches(password, hash);
    }
}
