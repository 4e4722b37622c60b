import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.web.bind.annotation.*;

@RestController
class SortController {
    private final SpelExpressionParser spel = new SpelExpressionParser();

    @GetMapping("/items")
    public Object items(@RequestHeader(value = "X-Sort", defaultValue = "name") String sort) {
        StringBuilder sb = new StringBuilder("{'a','b','c'}.?[");
        sb.append(sort).append("]");
        return spel.parseExpression(sb.toString()).getValue();
    }
}
