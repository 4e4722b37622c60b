import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.*;
import jakarta.servlet.http.HttpServletResponse;

@RestController
class RefreshController {
    @PostMapping("/refresh")
    public void refresh(HttpServletResponse response) {
        String refresh = java.util.UUID.randomUUID().toString();
        ResponseCookie c = ResponseCookie.from("refresh_token", refresh).httpOnly(true).path("/auth").build();
        response.addHeader("Set-Cookie", c.toString());
    }
}
