import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.bind.annotation.*;

@RestController
class WebhookController {
    @PostMapping("/webhooks/incoming")
    public boolean incoming(@RequestBody String payload, @RequestHeader("X-Hub-Signature-256") String sig) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(System.getenv("WEBHOOK_SECRET").getBytes(), "HmacSHA256"));
        byte[] expected = mac.doFinal(payload.getBytes());
        return java.security.MessageDigest.isEqual(expected, java.util.HexFormat.of().parseHex(sig));
    }
}
