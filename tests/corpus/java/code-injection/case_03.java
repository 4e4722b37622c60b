import org.apache.commons.jexl3.*;
import org.springframework.web.bind.annotation.*;

@RestController
class ScoreController {
    private static final JexlScript SCORE = new JexlBuilder().create().createScript("base * weight + bonus");

    @PostMapping("/score/{userId}")
    public Object score(@PathVariable long userId, @RequestParam int weight) {
        JexlContext ctx = new MapContext();
        ctx.set("base", userId % 100);
        ctx.set("weight", weight);
        ctx.set("bonus", 5);
        return SCORE.execute(ctx);
    }
}
