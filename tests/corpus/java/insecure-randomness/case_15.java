import java.util.Random;
import org.springframework.web.bind.annotation.*;

@RestController
class CsrfController {
    private final Random rng = new Random(System.currentTimeMillis());

    @GetMapping("/csrf")
    public String csrf(jakarta.servlet.http.HttpSession session) {
        String token = Long.toString(rng.nextLong(), 36);
        session.setAttribute("csrf", token);
        return token;
    }
}
