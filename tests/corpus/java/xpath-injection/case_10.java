import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class InventoryController {
    private final Document stock;

    InventoryController(Document stock) { this.stock = stock; }

    @GetMapping("/inventory")
    public double inventory(@RequestParam List<String> warehouse) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        double total = 0;
        for (String w : warehouse) {
            xp.setXPathVariableResolver((QName q) -> w);
            total += Double.parseDouble(xp.evaluate("sum(//item[@warehouse=$w]/qty)", stock));
        }
        return total;
    }
}
