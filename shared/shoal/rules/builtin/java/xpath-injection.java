package com.example.directory;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import net.sf.saxon.s9api.*;

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

    public Object more(HttpServletRequest request, org.dom4j.Document menu, Processor saxon, XdmNode doc) throws Exception {
        String name = request.getParameter("name");
        // ruleid: xpath-injection/java-tainted-xpath
        Object price = menu.selectSingleNode("//dish[@name='" + name + "']/price");
        XPathCompiler compiler = saxon.newXPathCompiler();
        // ruleid: xpath-injection/java-tainted-xpath
        Object title = compiler.evaluate("//article[tag='" + name + "']/title", doc);
        // ok: xpath-injection/java-tainted-xpath
        Object all = menu.selectNodes("//dish");
        return price + "" + title + all;
    }
}
