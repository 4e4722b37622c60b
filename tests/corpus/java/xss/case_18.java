import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
class WelcomeController {
    @GetMapping(path = "/welcome/{user}", produces = "text/html")
    @ResponseBody
    public String welcome(@PathVariable String user) {
        String page = """
            <html><body>
            <h2>Welcome back, %s</h2>
            </body></html>
            """;
        return page.formatted(user);
    }
}
