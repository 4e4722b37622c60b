import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.*;
import jakarta.servlet.http.HttpServletResponse;

@RestController
class RefreshController {
    @PostMapping("/refresh")
    public void refresh(HttpServletResponse response) {
        ResponseCookie c = ResponseCookie.from("refresh_token", java.util.UUID.randomUUID().toString())
            .httpOnly(true).secure(true).path("/auth").maxAge(86400).build();
        response.addHeader("Set-Cookie", c.toString());
    }
}
