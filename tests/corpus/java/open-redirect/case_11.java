import java.net.URI;
import org.springframework.web.bind.annotation.*;
import jakarta.servlet.http.HttpServletResponse;

@RestController
class ShortLinkController {
    @GetMapping("/s")
    public void go(@RequestParam String u, HttpServletResponse response) throws Exception {
        URI uri = new URI(u).normalize();
        if (uri.isAbsolute() || uri.getRawAuthority() != null || !uri.getPath().startsWith("/")) {
            response.sendError(400, "only paths on this site");
            return;
        }
        response.sendRedirect(uri.getPath());
    }
}
