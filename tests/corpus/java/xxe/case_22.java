import java.io.StringReader;
import javax.xml.parsers.SAXParserFactory;
import org.springframework.web.bind.annotation.*;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

@RestController
class FeedController {
    @PostMapping(value = "/feeds/validate", consumes = "application/xml")
    public String validate(@RequestBody String xml) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        spf.newSAXParser().parse(new InputSource(new StringReader(xml)), new DefaultHandler());
        return "valid";
    }
}
