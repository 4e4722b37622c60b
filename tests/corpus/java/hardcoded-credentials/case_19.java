import java.io.FileInputStream;
import java.security.KeyStore;
import org.springframework.web.bind.annotation.*;

@RestController
class CertController {
    @GetMapping("/certs/aliases")
    public int aliases() throws Exception {
        char[] storePass = System.getenv("KEYSTORE_PASSWORD").toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream("/etc/app/keystore.p12")) {
            ks.load(in, storePass);
        }
        return ks.size();
    }
}
