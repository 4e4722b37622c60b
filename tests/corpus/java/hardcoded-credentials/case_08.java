import org.springframework.web.bind.annotation.*;

@RestController
class PasswordPolicyController {
    private static final int PASSWORD_MIN_LENGTH = 12;
    private static final String PASSWORD_HINT = "Use at least 12 characters";

    @PostMapping("/password/check")
    public String check(@RequestParam String password) {
        return password.length() >= PASSWORD_MIN_LENGTH ? "accepted" : PASSWORD_HINT;
    }
}
