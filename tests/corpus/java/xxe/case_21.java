import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.web.bind.annotation.*;
import org.xml.sax.InputSource;

@RestController
class BatchController {
    @PostMapping("/batches")
    public int batch(@RequestBody Map<String, String> body) throws Exception {
        Map<String, String> docs = new HashMap<>(body);
        String manifest = docs.get("manifest");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new InputSource(new java.io.StringReader(manifest)));
        return doc.getElementsByTagName("item").getLength();
    }
}
