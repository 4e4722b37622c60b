import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.bind.annotation.*;

@RestController
class ActivationController {
    @PostMapping("/activation")
    public String activate(@RequestParam String email) {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return email.length() + ":" + token;
    }
}
