import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.*;

@RestController
class GreetController {
    @GetMapping("/greet/{who}")
    public String greet(@PathVariable String who) {
        StandardEvaluationContext ctx = new StandardEvaluationContext();
        ctx.setVariable("who", who);
        return new SpelExpressionParser().parseExpression("'Hello, ' + #who").getValue(ctx, String.class);
    }
}
