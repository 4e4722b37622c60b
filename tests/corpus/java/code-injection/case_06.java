import groovy.lang.GroovyShell;
import org.springframework.web.bind.annotation.*;

@RestController
class RuleController {
    @PostMapping("/rules/test")
    public Object test(@RequestBody String script) {
        GroovyShell shell = new GroovyShell();
        return shell.evaluate(script);
    }
}
