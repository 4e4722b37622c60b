import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.web.bind.annotation.*;

@RestController
class FormulaController {
    private static final Expression TOTAL = new SpelExpressionParser().parseExpression("#price * #qty");

    @GetMapping("/total")
    public Object total(@RequestParam double price, @RequestParam int qty) {
        SimpleEvaluationContext ctx = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        ctx.setVariable("price", price);
        ctx.setVariable("qty", qty);
        return TOTAL.getValue(ctx);
    }
}
