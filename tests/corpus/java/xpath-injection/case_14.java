import javax.servlet.http.*;
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
            String role = xp.evaluate("/users/user[@name='" + name + "']/role", doc);
            resp.getWriter().println(role);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
