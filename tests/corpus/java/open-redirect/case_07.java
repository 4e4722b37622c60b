import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
class OauthController {
    private static final String REGISTERED = "https://app.example.com/callback";

    @PostMapping("/oauth/finish")
    public ResponseEntity<Void> finish(@RequestParam("redirect_uri") String redirectUri) {
        if (!REGISTERED.equals(redirectUri)) {
            return ResponseEntity.status(400).build();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create(REGISTERED + "?code=abc"));
        return new ResponseEntity<>(headers, org.springframework.http.HttpStatus.SEE_OTHER);
    }
}
