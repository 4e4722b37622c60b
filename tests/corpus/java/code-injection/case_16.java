import java.util.Set;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.MapContext;
import org.springframework.web.bind.annotation.*;

@RestController
class FilterController {
    private static final Set<String> FILTERS = Set.of("size > 10", "size <= 10", "name == 'root'");
    private final JexlEngine jexl = new JexlBuilder().create();

    @GetMapping("/filter")
    public Object filter(@RequestParam("q") String query) {
        if (!FILTERS.contains(query)) return "unsupported filter";
        MapContext ctx = new MapContext();
        ctx.set("size", 12);
        ctx.set("name", "admin");
        return jexl.createExpression(query).evaluate(ctx);
    }
}
