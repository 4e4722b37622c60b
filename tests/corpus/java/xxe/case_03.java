import java.io.StringReader;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.springframework.web.bind.annotation.*;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

@RestController
class FeedController {
    @PostMapping(value = "/feeds/validate", consumes = "application/xml")
    public String validate(@RequestBody String xml) throws Exception {
        SAXParser parser = SAXParserFactory.newInstance().newSAXParser();
        parser.parse(new InputSource(new StringReader(xml)), new DefaultHandler());
        return "valid";
    }
}
