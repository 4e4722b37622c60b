import javax.xml.namespace.QName;
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
        xpath.setXPathVariableResolver(q -> "sku".equals(q.getLocalPart()) ? sku : null);
        return xpath.compile("//item[sku=$sku]/price/text()").evaluate(catalog);
    }
}
