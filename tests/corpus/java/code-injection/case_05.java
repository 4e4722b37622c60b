import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.web.bind.annotation.*;

@RestController
class ProfileController {
    static class Profile {
        public String city = "Oslo";
        public String country = "NO";
    }

    @GetMapping("/profile/field")
    public Object field(@RequestParam String name) {
        if (!name.matches("^(city|country)$")) return "unknown field";
        var ctx = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        return new SpelExpressionParser().parseExpression(name).getValue(ctx, new Profile());
    }
}
