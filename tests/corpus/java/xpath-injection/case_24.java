import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class LoginServlet extends HttpServlet {
    private Document users;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String u = req.getParameter("user");
        String p = req.getParameter("pin");
        String q = String.format("//user[name/text()='%s' and pin/text()='%s']", u, p);
        try {
            NodeList n = (NodeList) XPathFactory.newInstance().newXPath().evaluate(q, users, XPathConstants.NODESET);
            resp.setStatus(n.getLength() > 0 ? 200 : 401);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
