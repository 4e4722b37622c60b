import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
class WelcomeController {
    @GetMapping(path = "/welcome/{id}", produces = "text/html")
    @ResponseBody
    public String welcome(@PathVariable String id) {
        int userId = Integer.parseInt(id);
        return "<h2>Welcome back, user #" + userId + "</h2>";
    }
}
