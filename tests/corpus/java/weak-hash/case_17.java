import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.web.bind.annotation.*;

@RestController
class FileIntegrityController {
    @PostMapping("/uploads/verify")
    public boolean verify(@RequestBody byte[] content, @RequestHeader("X-Checksum") String checksum) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
        return MessageDigest.isEqual(digest, HexFormat.of().parseHex(checksum));
    }
}
