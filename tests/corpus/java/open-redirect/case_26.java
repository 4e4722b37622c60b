import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
class OauthController {
    @PostMapping("/oauth/finish")
    public ResponseEntity<Void> finish(@RequestBody Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.LOCATION, body.get("redirect_uri") + "?code=abc");
        return new ResponseEntity<>(headers, org.springframework.http.HttpStatus.SEE_OTHER);
    }
}
