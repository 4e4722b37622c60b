import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.web.bind.annotation.*;

@RestController
class SoapController {
    private static final DocumentBuilderFactory DBF = DocumentBuilderFactory.newInstance();

    static {
        DBF.setNamespaceAware(true);
        DBF.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DBF.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DBF.setExpandEntityReferences(false);
    }

    @PostMapping(value = "/soap", consumes = "text/xml")
    public String soap(@RequestBody String envelope) throws Exception {
        var doc = DBF.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement().getLocalName();
    }
}
