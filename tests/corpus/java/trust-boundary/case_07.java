import org.springframework.web.bind.annotation.*;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@RestController
class CurrencyController {
    @PostMapping("/currency")
    public String currency(@RequestHeader("X-Currency") String currency) {
        RequestContextHolder.currentRequestAttributes()
            .setAttribute("currency", currency, RequestAttributes.SCOPE_SESSION);
        return "saved";
    }
}
