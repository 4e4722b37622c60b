import java.io.StringReader;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import org.springframework.web.bind.annotation.*;

@RestController
class EventStreamController {
    private final XMLInputFactory factory = XMLInputFactory.newFactory();

    @PostMapping("/events/xml")
    public int events(@RequestParam("payload") String payload) throws Exception {
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, true);
        XMLEventReader r = factory.createXMLEventReader(new StringReader(payload));
        int n = 0;
        while (r.hasNext()) { r.nextEvent(); n++; }
        return n;
    }
}
