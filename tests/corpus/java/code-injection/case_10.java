import java.util.List;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.web.bind.annotation.*;

@RestController
class ReportController {
    @PostMapping("/reports/columns")
    public List<Object> columns(@RequestBody List<String> exprs) {
        ExpressionParser p = new SpelExpressionParser();
        return exprs.stream().map(e -> p.parseExpression(e).getValue()).toList();
    }
}
