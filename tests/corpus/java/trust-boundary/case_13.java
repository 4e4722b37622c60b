import org.springframework.web.bind.annotation.*;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@RestController
class CurrencyController {
    @PostMapping("/currency")
    public String currency(@RequestHeader("X-Currency") String currency) {
        String code = currency.matches("^(EUR|USD|GBP|NOK)$") ? currency : "EUR";
        RequestContextHolder.currentRequestAttributes().setAttribute("currency", code, RequestAttributes.SCOPE_SESSION);
        return "saved";
    }
}
