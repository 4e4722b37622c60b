import javax.servlet.http.*;
import javax.xml.xpath.*;
import org.w3c.dom.Document;

class OrderServlet extends HttpServlet {
    private Document orders;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String customer = req.getParameter("customer");
        if (customer == null || !customer.matches("^[A-Z]{2}\\d{6}$")) {
            resp.sendError(400, "customer ids look like AB123456");
            return;
        }
        try {
            String n = XPathFactory.newInstance().newXPath().evaluate("count(//order[@customer='" + customer + "'])", orders);
            resp.getWriter().println(n);
        } catch (XPathExpressionException e) {
            resp.sendError(500);
        }
    }
}
