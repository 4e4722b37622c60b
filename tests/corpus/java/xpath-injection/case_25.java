import javax.servlet.http.*;
import javax.xml.xpath.*;
import org.w3c.dom.Document;

class GroupServlet extends HttpServlet {
    private Document groups;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String group = req.getParameter("group");
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setXPathVariableResolver(name -> group);
        try {
            resp.getWriter().println(xp.evaluate("count(//group[@name=$g]/member)", groups));
        } catch (XPathExpressionException e) {
            resp.sendError(400);
        }
    }
}
