import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.web.bind.annotation.*;

@RestController
class TokenController {
    private static final String SIGNING_KEY = "k9Lx2Qp7Vw4Zr8Tn1Bc6Hd3Fg5Jm0Sa";

    @PostMapping("/token")
    public String token(@RequestParam String user) {
        return Jwts.builder().subject(user).signWith(Keys.hmacShaKeyFor(SIGNING_KEY.getBytes())).compact();
    }
}
