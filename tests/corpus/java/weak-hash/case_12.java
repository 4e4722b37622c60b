import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class FileIntegrityController {
    @PostMapping("/uploads/verify")
    public boolean verify(@RequestBody byte[] content, @RequestHeader("X-Checksum") String checksum) {
        return DigestUtils.sha1Hex(content).equals(checksum);
    }
}
