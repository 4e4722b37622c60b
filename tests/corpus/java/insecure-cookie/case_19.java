import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
class SessionController {
    @PostMapping("/sessions")
    public ResponseEntity<Void> create() {
        boolean secure = false;
        secure = true;
        ResponseCookie sid = ResponseCookie.from("sid", java.util.UUID.randomUUID().toString())
            .secure(secure).httpOnly(true).sameSite("Strict").build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, sid.toString()).build();
    }
}
