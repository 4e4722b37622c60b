import org.springframework.web.bind.annotation.*;
import jakarta.servlet.http.HttpServletResponse;

@RestController
class ShortLinkController {
    @GetMapping("/s")
    public void go(@RequestParam String u, HttpServletResponse response) throws Exception {
        String decoded = java.net.URLDecoder.decode(u, java.nio.charset.StandardCharsets.UTF_8);
        response.sendRedirect(decoded);
    }
}
