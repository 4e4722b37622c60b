import org.apache.commons.lang3.RandomStringUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class PasswordResetController {
    @PostMapping("/password-reset")
    public String reset(@RequestParam String email) {
        String token = RandomStringUtils.secureStrong().nextAlphanumeric(40);
        return "reset link: /reset?token=" + token;
    }
}
