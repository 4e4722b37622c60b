import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.MapContext;
import org.springframework.web.bind.annotation.*;

@RestController
class FilterController {
    private final JexlEngine jexl = new JexlBuilder().create();

    @GetMapping("/filter")
    public Object filter(@RequestParam("q") String query) {
        return jexl.createExpression(query).evaluate(new MapContext());
    }
}
