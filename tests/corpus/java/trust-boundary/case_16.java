import java.util.Map;
import javax.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.*;

@RestController
class ProfileController {
    @PostMapping("/profile/session")
    public String store(@RequestBody Map<String, String> body, HttpSession session) {
        for (Map.Entry<String, String> e : body.entrySet()) {
            session.setAttribute(e.getKey(), e.getValue());
        }
        return "stored " + body.size();
    }
}
