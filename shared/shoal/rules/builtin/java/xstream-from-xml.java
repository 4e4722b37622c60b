package com.example.orders;

import com.thoughtworks.xstream.XStream;
import javax.servlet.http.HttpServletRequest;

public class OrderImporter {

    private final XStream xstream = new XStream();

    public Order importOrder(HttpServletRequest request) throws java.io.IOException {
        // ruleid: deserialization/java-xstream-from-xml
        return (Order) xstream.fromXML(request.getInputStream());
    }

    public Object parse(String body) {
        // ruleid: deserialization/java-xstream-from-xml
        return new XStream().fromXML(body);
    }

    public Order restricted(String body) {
        XStream safe = new XStream();
        safe.addPermission(com.thoughtworks.xstream.security.NoTypePermission.NONE);
        safe.allowTypes(new Class[] {Order.class});
        // ok: deserialization/java-xstream-from-xml
        return (Order) safe.fromXML(body);
    }
    public String export(Order order) {
        // ok: deserialization/java-xstream-from-xml
        String xml = xstream.toXML(order);
        // ok: deserialization/java-xstream-from-xml
        Object sample = xstream.fromXML("<order><id>1</id></order>");
        return xml + sample;
    }
}
