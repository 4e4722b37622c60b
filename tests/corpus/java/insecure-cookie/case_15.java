import java.util.Map;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.*;

@RestController
class OauthController {
    @GetMapping("/oauth/callback")
    public String callback(@RequestParam String code, HttpServletResponse response) {
        Map<String, String> tokens = Map.of("id_token", "jwt-" + code.hashCode());
        Cookie c = new Cookie("id_token", tokens.get("id_token"));
        c.setMaxAge(3600);
        response.addCookie(c);
        return "signed in";
    }
}
