import org.apache.commons.jexl3.*;
import org.springframework.web.bind.annotation.*;

@RestController
class ScoreController {
    @PostMapping("/score/{userId}")
    public Object score(@PathVariable long userId, @RequestParam String script) {
        JexlEngine engine = new JexlBuilder().create();
        JexlContext ctx = new MapContext();
        ctx.set("userId", userId);
        JexlScript s = engine.createScript(script);
        return s.execute(ctx);
    }
}
