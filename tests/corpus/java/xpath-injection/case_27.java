import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class InventoryController {
    private final Document stock;

    InventoryController(Document stock) { this.stock = stock; }

    @GetMapping("/inventory")
    public String inventory(@RequestParam List<String> warehouse) throws Exception {
        List<String> preds = new ArrayList<>();
        for (String w : warehouse) preds.add("@warehouse='" + w + "'");
        String expr = "sum(//item[" + String.join(" or ", preds) + "]/qty)";
        return XPathFactory.newInstance().newXPath().evaluate(expr, stock);
    }
}
