import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.input.SAXBuilder;
import javax.servlet.http.*;

class ConfigServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String xml = req.getParameter("config");
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setExpandEntities(false);
        try {
            Document doc = builder.build(new StringReader(xml));
            resp.getWriter().println(doc.getRootElement().getChildText("name"));
        } catch (org.jdom2.JDOMException e) {
            resp.sendError(400);
        }
    }
}
