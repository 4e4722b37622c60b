import javax.servlet.http.*;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

class UserServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String name = req.getParameter("name");
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse("/srv/users.xml");
            XPath xp = XPathFactory.newInstance().newXPath();
            xp.setXPathVariableResolver(v -> v.equals(new QName("name")) ? name : null);
            resp.getWriter().println(xp.evaluate("/users/user[@name=$name]/role", doc));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
