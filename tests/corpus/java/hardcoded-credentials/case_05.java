import java.security.KeyStore;
import java.io.FileInputStream;
import org.springframework.web.bind.annotation.*;

@RestController
class CertController {
    @GetMapping("/certs/aliases")
    public int aliases() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream("/etc/app/keystore.p12")) {
            ks.load(in, "changeit-Prod-2024".toCharArray());
        }
        return ks.size();
    }
}
