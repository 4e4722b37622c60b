import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.*;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

class ProductServlet extends HttpServlet {
    private Document products;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Map<String, String> filters = new HashMap<>();
        filters.put("color", req.getParameter("color"));
        String expr = "//product[color='" + filters.get("color") + "']/name";
        try {
            resp.getWriter().println(XPathFactory.newInstance().newXPath().evaluate(expr, products));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
