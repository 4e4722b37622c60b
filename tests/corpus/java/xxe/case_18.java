import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.input.SAXBuilder;
import javax.servlet.http.*;

class ConfigServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String xml = req.getParameter("config");
        try {
            Document doc = new SAXBuilder().build(new StringReader(xml));
            resp.getWriter().println(doc.getRootElement().getChildText("name"));
        } catch (org.jdom2.JDOMException e) {
            resp.sendError(400);
        }
    }
}
