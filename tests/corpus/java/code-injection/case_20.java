import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import org.springframework.web.bind.annotation.*;

@RestController
class RuleController {
    @PostMapping("/rules/discount")
    public Object discount(@RequestParam String customer, @RequestParam double amount) {
        Binding binding = new Binding();
        binding.setVariable("customer", customer);
        binding.setVariable("amount", amount);
        return new GroovyShell(binding).evaluate("amount > 100 ? amount * 0.9 : amount");
    }
}
