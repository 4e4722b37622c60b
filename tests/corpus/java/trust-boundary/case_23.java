import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.*;

@RestController
class ThemeController {
    @GetMapping("/theme/{name}")
    public String theme(@PathVariable("name") String name, HttpSession session) {
        String key = "theme";
        String value = String.format("%s-dark", name);
        session.setAttribute(key, value);
        return "theme set";
    }
}
