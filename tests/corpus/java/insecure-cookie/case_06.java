import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
class TokenController {
    @PostMapping("/token")
    public ResponseEntity<String> token() {
        ResponseCookie cookie = ResponseCookie.from("access_token", java.util.UUID.randomUUID().toString())
            .path("/").secure(true).httpOnly(false).build();
        return ResponseEntity.status(200).header(HttpHeaders.SET_COOKIE, cookie.toString()).body("issued");
    }
}
