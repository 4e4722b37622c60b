import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import org.springframework.web.bind.annotation.*;

@RestController
class OrderXmlController {
    static class Order {
        public String id;
    }

    private final XmlMapper xml = new XmlMapper();

    @PostMapping(value = "/orders/xml", consumes = "application/xml")
    public String order(@RequestBody String body) throws Exception {
        return xml.readValue(body, Order.class).id;
    }
}
