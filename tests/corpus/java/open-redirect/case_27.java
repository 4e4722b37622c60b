import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
class LogoutController {
    private static final Map<String, String> PAGES = Map.of("home", "/", "docs", "/docs", "blog", "/blog");

    @GetMapping("/logout")
    public String logout(@RequestParam("returnTo") String returnTo) {
        return "redirect:" + PAGES.getOrDefault(returnTo, "/");
    }
}
