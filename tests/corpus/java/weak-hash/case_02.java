import com.google.common.hash.Hashing;
import org.springframework.web.bind.annotation.*;

@RestController
class InviteController {
    @PostMapping("/invites")
    public String invite(@RequestParam String email) {
        @SuppressWarnings("deprecation")
        String code = Hashing.sha1().hashUnencodedChars(email).toString();
        return "invite " + code;
    }
}
