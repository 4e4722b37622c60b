import javax.servlet.http.*;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

class CityServlet extends HttpServlet {
    private Document cities;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String zip = req.getParameter("zip");
        int code = Integer.parseInt(zip);
        try {
            resp.getWriter().println(XPathFactory.newInstance().newXPath().evaluate("//city[zip=" + code + "]/name", cities));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
