import java.security.MessageDigest;
import org.springframework.web.bind.annotation.*;

@RestController
class WebhookController {
    @PostMapping("/webhooks/incoming")
    public boolean incoming(@RequestBody String payload, @RequestHeader("X-Hub-Signature") String sig) throws Exception {
        String secret = System.getenv("WEBHOOK_SECRET");
        byte[] expected = MessageDigest.getInstance("SHA-1").digest((secret + payload).getBytes());
        return MessageDigest.isEqual(expected, java.util.HexFormat.of().parseHex(sig));
    }
}
