import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.web.bind.annotation.*;
import org.xml.sax.InputSource;

@RestController
class BatchController {
    @PostMapping("/batches")
    public int batch(@RequestBody Map<String, String> body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = dbf.newDocumentBuilder().parse(new InputSource(new java.io.StringReader(body.get("manifest"))));
        return doc.getElementsByTagName("item").getLength();
    }
}
