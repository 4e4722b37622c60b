import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.springframework.web.bind.annotation.*;

@RestController
class RenderController {
    @PostMapping(value = "/render", consumes = "application/xml")
    public String render(@RequestBody String xml) throws Exception {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        StringWriter out = new StringWriter();
        t.transform(new StreamSource(new StringReader(xml)), new StreamResult(out));
        return out.toString();
    }
}
