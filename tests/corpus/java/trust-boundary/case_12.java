import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.*;

@RestController
class FlagController {
    @PostMapping("/flags/beta")
    public String beta(@RequestParam String enabled, HttpSession session) {
        boolean on = Boolean.parseBoolean(enabled);
        session.setAttribute("betaUi", on);
        return on ? "beta on" : "beta off";
    }
}
