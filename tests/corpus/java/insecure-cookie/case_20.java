import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class OauthController {
    @GetMapping("/oauth/callback")
    public String callback(@RequestParam String code, HttpServletResponse response) {
        Cookie c = new Cookie("id_token", "jwt-" + code.hashCode());
        c.setMaxAge(3600);
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setPath("/");
        response.addCookie(c);
        return "signed in";
    }
}
