import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class MfaController {
    @PostMapping("/mfa/verify")
    public String verify(@RequestParam String otp, HttpServletResponse response) {
        String ticket = "mfa-" + java.util.UUID.randomUUID();
        Cookie c = new Cookie("mfa_ticket", ticket);
        c.setSecure(otp.isEmpty());
        c.setHttpOnly(true);
        response.addCookie(c);
        return "verified";
    }
}
