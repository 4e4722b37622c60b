import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.web.bind.annotation.*;

@RestController
class AccountController {
    interface Accounts { boolean owns(String user, long account); }

    private final Accounts accounts;

    AccountController(Accounts accounts) { this.accounts = accounts; }

    @PostMapping("/account/switch")
    public String switchAccount(@RequestParam long accountId, Principal me, HttpSession session) {
        if (!accounts.owns(me.getName(), accountId)) return "not your account";
        session.setAttribute("currentAccount", accountId);
        return "switched";
    }
}
