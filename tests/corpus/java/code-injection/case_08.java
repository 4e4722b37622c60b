import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.web.bind.annotation.*;

@RestController
class FormulaController {
    private final ExpressionParser parser = new SpelExpressionParser();

    @GetMapping("/formula")
    public Object formula(@RequestParam String f) {
        return parser.parseExpression(f).getValue();
    }
}
