import javax.servlet.http.*;
import javax.xml.xpath.*;
import org.w3c.dom.Document;

class GroupServlet extends HttpServlet {
    private Document groups;

    private String members(String group) throws XPathExpressionException {
        XPath xp = XPathFactory.newInstance().newXPath();
        return xp.evaluate("string-join(//group[@name=\"" + group + "\"]/member, ',')", groups);
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            resp.getWriter().println(members(req.getParameter("group")));
        } catch (XPathExpressionException e) {
            resp.sendError(400);
        }
    }
}
