import org.springframework.web.bind.annotation.*;
import jakarta.servlet.http.HttpServletResponse;

@RestController
class EchoController {
    @GetMapping("/echo")
    public void echo(@RequestHeader("X-Message") String message, HttpServletResponse response) throws Exception {
        String shown = message;
        shown = "message received";
        response.setContentType("text/html");
        response.getWriter().write("<pre>" + shown + "</pre>");
    }
}
