import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.*;

@RestController
class AccountController {
    @PostMapping("/account/switch")
    public String switchAccount(@RequestParam String accountId, HttpSession session) {
        session.setAttribute("currentAccount", accountId);
        return "switched";
    }
}
