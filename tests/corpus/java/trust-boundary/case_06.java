import java.util.Map;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.*;

@RestController
class LocaleController {
    private static final Map<String, String> LOCALES = Map.of("en", "en-GB", "de", "de-DE", "fr", "fr-FR");

    @PostMapping("/locale")
    public String locale(@RequestParam String lang, HttpSession session) {
        session.setAttribute("locale", LOCALES.getOrDefault(lang, "en-GB"));
        return "locale set";
    }
}
