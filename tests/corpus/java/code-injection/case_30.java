import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.*;

@RestController
class TemplateController {
    @GetMapping("/greet/{who}")
    public String greet(@PathVariable String who) {
        String text = "'Hello, ' + " + who;
        Expression exp = new SpelExpressionParser().parseExpression(text);
        return (String) exp.getValue(new StandardEvaluationContext());
    }
}
