import org.mvel2.MVEL;
import org.springframework.web.bind.annotation.*;

@RestController
class PricingController {
    @GetMapping("/pricing")
    public Object price(@RequestParam String formula, @RequestParam double base) {
        java.util.Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("base", base);
        return MVEL.eval(formula, vars);
    }
}
