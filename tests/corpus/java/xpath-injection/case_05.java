import java.util.Map;
import javax.servlet.http.*;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

class ProductServlet extends HttpServlet {
    private static final Map<String, String> COLORS = Map.of("red", "red", "blue", "blue", "green", "green");
    private Document products;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String color = COLORS.getOrDefault(req.getParameter("color"), "red");
        try {
            resp.getWriter().println(XPathFactory.newInstance().newXPath().evaluate("//product[color='" + color + "']/name", products));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
