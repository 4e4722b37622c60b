import java.math.BigDecimal;
import org.springframework.web.bind.annotation.*;

@RestController
class PricingController {
    @GetMapping("/pricing")
    public BigDecimal price(@RequestParam String factor, @RequestParam String base) {
        BigDecimal f = new BigDecimal(factor);
        BigDecimal b = new BigDecimal(base);
        return b.multiply(f);
    }
}
