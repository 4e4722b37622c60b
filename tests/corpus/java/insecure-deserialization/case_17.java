import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import org.springframework.web.bind.annotation.*;

@RestController
class CartController {
    @GetMapping("/cart/restore")
    public String restore(@CookieValue("cart") String cart) throws Exception {
        byte[] raw = Base64.getDecoder().decode(cart);
        ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(raw));
        Object items = ois.readObject();
        return "restored " + items;
    }
}
