import java.io.ByteArrayInputStream;
import java.util.Base64;
import org.apache.commons.io.serialization.ValidatingObjectInputStream;
import org.springframework.web.bind.annotation.*;

@RestController
class CartController {
    @GetMapping("/cart/restore")
    public String restore(@CookieValue("cart") String cart) throws Exception {
        byte[] raw = Base64.getDecoder().decode(cart);
        try (ValidatingObjectInputStream in = new ValidatingObjectInputStream(new ByteArrayInputStream(raw))) {
            in.accept(java.util.ArrayList.class, String.class);
            return "restored " + in.readObject();
        }
    }
}
