import java.io.StringReader;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import org.springframework.web.bind.annotation.*;

@RestController
class EventStreamController {
    @PostMapping("/events/xml")
    public int events(@RequestParam("payload") String payload) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        XMLEventReader r = factory.createXMLEventReader(new StringReader(payload));
        int n = 0;
        while (r.hasNext()) { r.nextEvent(); n++; }
        return n;
    }
}
