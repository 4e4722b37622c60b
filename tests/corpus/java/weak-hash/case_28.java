import org.bouncycastle.crypto.digests.SHA512Digest;
import org.springframework.web.bind.annotation.*;

@RestController
class LicenseController {
    @GetMapping("/licenses/fingerprint")
    public int fingerprint(@RequestParam String customer) {
        SHA512Digest d = new SHA512Digest();
        byte[] in = customer.getBytes();
        d.update(in, 0, in.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out.length;
    }
}
