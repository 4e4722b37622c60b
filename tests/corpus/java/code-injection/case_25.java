import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.springframework.web.bind.annotation.*;

@RestController
class CalcController {
    private static final Map<String, DoubleBinaryOperator> OPS = Map.of(
        "add", (a, b) -> a + b,
        "sub", (a, b) -> a - b,
        "mul", (a, b) -> a * b);

    @GetMapping("/calc")
    public double calc(@RequestParam String op, @RequestParam double a, @RequestParam double b) {
        DoubleBinaryOperator f = OPS.get(op);
        if (f == null) throw new IllegalArgumentException("unknown operation");
        return f.applyAsDouble(a, b);
    }
}
