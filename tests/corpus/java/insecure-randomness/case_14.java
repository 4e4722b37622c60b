import java.security.SecureRandom;
import org.springframework.web.bind.annotation.*;

@RestController
class ShareLinkController {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PostMapping("/documents/{id}/share")
    public String share(@PathVariable long id) {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 24; i++) secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return "/shared/" + id + "?key=" + secret;
    }
}
