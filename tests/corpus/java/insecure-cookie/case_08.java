import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class AuthController {
    private Cookie sessionCookie(String value) {
        Cookie c = new Cookie("SESSION", value);
        c.setHttpOnly(true);
        c.setSecure(true);
        c.setAttribute("SameSite", "Strict");
        return c;
    }

    @PostMapping("/auth/login")
    public String login(@RequestParam String user, HttpServletResponse response) {
        response.addCookie(sessionCookie(java.util.UUID.randomUUID().toString()));
        return "welcome " + user.length();
    }
}
