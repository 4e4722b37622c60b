import javax.xml.xpath.*;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class CatalogController {
    private final Document catalog;

    CatalogController(Document catalog) { this.catalog = catalog; }

    @GetMapping("/catalog/price")
    public String price(@RequestParam String sku) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        XPathExpression expr = xpath.compile("//item[sku='" + sku + "']/price/text()");
        return expr.evaluate(catalog);
    }
}
