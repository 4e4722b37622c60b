package com.example.pricing;

import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PricingController {

    private final ExpressionParser parser = new SpelExpressionParser();

    @GetMapping("/price")
    public Object price(@RequestParam String rule) {
        // ruleid: code-injection/java-spel-expression
        Expression expression = parser.parseExpression(rule);
        return expression.getValue(new StandardEvaluationContext());
    }

    @GetMapping("/field")
    public Object field(@RequestParam String name, Object product) {
        // ruleid: code-injection/java-spel-expression
        return parser.parseExpression("product." + name).getValue(product);
    }

    @GetMapping("/fq")
    public Object qualified(@RequestParam String rule) {
        // ruleid: code-injection/java-spel-expression
        return new org.springframework.expression.spel.standard.SpelExpressionParser().parseExpression(rule).getValue();
    }

    @GetMapping("/profile")
    public Object profile(@RequestParam String name, Object profile) {
        if (!name.matches("^(city|country)$")) {
            return "unknown field";
        }
        SpelExpressionParser spel = new SpelExpressionParser();
        // ok: code-injection/java-spel-expression
        return spel.parseExpression(name).getValue(profile);
    }

    @GetMapping("/discount")
    public Object discount(@RequestParam double amount) {
        StandardEvaluationContext context = new StandardEvaluationContext();
        context.setVariable("amount", amount);
        // ok: code-injection/java-spel-expression
        Expression expression = parser.parseExpression("#amount * 0.9");
        // ok: code-injection/java-spel-expression
        Object value = expression.getValue(context);
        // ok: code-injection/java-spel-expression
        Object javaAst = com.github.javaparser.StaticJavaParser.parseExpression(String.valueOf(amount));
        return value;
    }
}
