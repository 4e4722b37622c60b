import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class LoginController {
    private static final Map<String, String> USERS = Map.of(
        "alice", "alice-Pass-123",
        "support", "Supp0rt!Desk");

    @PostMapping("/login")
    public boolean login(@RequestParam String user, @RequestParam String password) {
        return password.equals(USERS.get(user));
    }
}
