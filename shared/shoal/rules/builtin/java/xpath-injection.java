package com.example.directory;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class Users {

    public String role(HttpServletRequest request, Document doc) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String name = request.getParameter("name");
        // ruleid: xpath-injection/java-tainted-xpath
        String role = xpath.evaluate("//user[@name='" + name + "']/role", doc);
        // ok: xpath-injection/java-tainted-xpath
        String count = xpath.evaluate("count(//user)", doc);
        return role + count;
    }
}
