import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.*;

@RestController
class ThemeController {
    @GetMapping("/theme/{name}")
    public String theme(@PathVariable String name, HttpSession session) {
        String value = name.equals("dark") ? "dark" : "light";
        session.setAttribute("theme", value);
        return "theme set";
    }
}
