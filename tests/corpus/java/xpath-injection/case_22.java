import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.w3c.dom.Document;

class ReportServlet extends HttpServlet {
    private Document reports;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String q = req.getParameter("xpath");
        XPath xp = XPathFactory.newInstance().newXPath();
        try {
            resp.getWriter().println(xp.evaluate(q, reports));
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
