import java.util.Random;
import org.springframework.web.bind.annotation.*;

@RestController
class ShareLinkController {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    @PostMapping("/documents/{id}/share")
    public String share(@PathVariable long id) {
        Random r = new Random();
        char[] secret = new char[20];
        for (int i = 0; i < secret.length; i++) secret[i] = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
        return "/shared/" + id + "?key=" + new String(secret);
    }
}
