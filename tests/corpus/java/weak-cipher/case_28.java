import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.web.bind.annotation.*;

@RestController
class PayrollController {
    private final SecretKey key;

    PayrollController(SecretKey key) { this.key = key; }

    @PostMapping("/payroll/encrypt")
    public byte[] encrypt(@RequestParam String salary, @RequestParam String employeeId) throws Exception {
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES_256/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        c.updateAAD(employeeId.getBytes());
        return c.doFinal(salary.getBytes());
    }
}
