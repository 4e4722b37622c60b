import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.NoTypePermission;
import org.springframework.web.bind.annotation.*;

@RestController
class OrderImportController {
    static class Order {
        String id;
        int qty;
    }

    @PostMapping(value = "/orders/import", consumes = "application/xml")
    public String importOrder(@RequestBody String xml) {
        XStream xstream = new XStream();
        xstream.addPermission(NoTypePermission.NONE);
        xstream.allowTypes(new Class[] {Order.class});
        xstream.alias("order", Order.class);
        Order order = (Order) xstream.fromXML(xml);
        return "imported " + order.id;
    }
}
