import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.*;

class InvoiceServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Map<String, String> fields = new HashMap<>();
        fields.put("customer", req.getParameter("customer"));
        fields.put("total", "42.00");
        resp.setContentType("text/html");
        resp.getOutputStream().print("<td>" + fields.get("customer") + "</td><td>" + fields.get("total") + "</td>");
    }
}
