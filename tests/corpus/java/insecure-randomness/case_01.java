import java.security.SecureRandom;
import org.springframework.web.bind.annotation.*;

@RestController
class CsrfController {
    private final SecureRandom rng = SecureRandom.getInstanceStrong();

    CsrfController() throws java.security.NoSuchAlgorithmException {}

    @GetMapping("/csrf")
    public String csrf(jakarta.servlet.http.HttpSession session) {
        byte[] b = new byte[32];
        rng.nextBytes(b);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        session.setAttribute("csrf", token);
        return token;
    }
}
