import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class SoapController {
    private Document parse(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @PostMapping(value = "/soap", consumes = "text/xml")
    public String soap(@RequestBody String envelope) throws Exception {
        return parse(envelope).getDocumentElement().getLocalName();
    }
}
