import javax.servlet.http.*;
import javax.xml.xpath.*;
import org.w3c.dom.Document;

class OrderServlet extends HttpServlet {
    private Document orders;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String customer = "";
        for (Cookie c : req.getCookies()) {
            if ("customer".equals(c.getName())) customer = c.getValue();
        }
        StringBuilder sb = new StringBuilder("count(//order[@customer='");
        sb.append(customer).append("'])");
        try {
            resp.getWriter().println(XPathFactory.newInstance().newXPath().evaluate(sb.toString(), orders));
        } catch (XPathExpressionException e) {
            resp.sendError(400);
        }
    }
}
