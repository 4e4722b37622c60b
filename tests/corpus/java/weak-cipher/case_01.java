import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.bind.annotation.*;

@RestController
class PayrollController {
    @PostMapping("/payroll/encrypt")
    public byte[] encrypt(@RequestParam String salary) throws Exception {
        Cipher c = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(System.getenv("PAYROLL_KEY").getBytes(), "DESede"),
               new IvParameterSpec(new byte[8]));
        return c.doFinal(salary.getBytes());
    }
}
