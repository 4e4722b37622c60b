import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MessageDigestAlgorithms;
import org.springframework.web.bind.annotation.*;

@RestController
class LicenseController {
    @GetMapping("/licenses/check")
    public boolean check(@RequestParam String key, @RequestParam String customer) {
        String expected = new DigestUtils(MessageDigestAlgorithms.MD5).digestAsHex(customer + ":pro");
        return expected.equals(key);
    }
}
