import org.apache.commons.lang3.RandomStringUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class PasswordResetController {
    private String token() {
        return RandomStringUtils.random(40, true, true);
    }

    @PostMapping("/password-reset")
    public String reset(@RequestParam String email) {
        String t = token();
        return "reset link: /reset?token=" + t;
    }
}
