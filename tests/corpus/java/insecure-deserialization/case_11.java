import com.thoughtworks.xstream.XStream;
import org.springframework.web.bind.annotation.*;

@RestController
class OrderImportController {
    @PostMapping(value = "/orders/import", consumes = "application/xml")
    public String importOrder(@RequestBody String xml) {
        XStream xstream = new XStream();
        Object order = xstream.fromXML(xml);
        return "imported " + order.hashCode();
    }
}
