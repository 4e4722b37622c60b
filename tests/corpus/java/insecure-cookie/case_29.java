import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class MfaController {
    @PostMapping("/mfa/verify")
    public String verify(@RequestParam String otp, HttpServletResponse response) {
        Cookie c = new Cookie("mfa_ticket", "mfa-" + java.util.UUID.randomUUID());
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(300);
        response.addCookie(c);
        return "verified " + otp.length();
    }
}
