import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.*;

@RestController
class TokenController {
    private final byte[] signingKey;

    TokenController(@Value("${jwt.signing-key}") String signingKey) {
        this.signingKey = java.util.Base64.getDecoder().decode(signingKey);
    }

    @PostMapping("/token")
    public String token(@RequestParam String user) {
        return Jwts.builder().subject(user).signWith(Keys.hmacShaKeyFor(signingKey)).compact();
    }
}
