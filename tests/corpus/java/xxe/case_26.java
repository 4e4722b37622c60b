import jakarta.xml.bind.JAXBContext;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.springframework.web.bind.annotation.*;

@RestController
class OrderXmlController {
    static class Order {
        public String id;
    }

    @PostMapping(value = "/orders/xml", consumes = "application/xml")
    public String order(@RequestBody String xml) throws Exception {
        XMLStreamReader xsr = XMLInputFactory.newInstance().createXMLStreamReader(new java.io.StringReader(xml));
        Order o = (Order) JAXBContext.newInstance(Order.class).createUnmarshaller().unmarshal(xsr);
        return o.id;
    }
}
