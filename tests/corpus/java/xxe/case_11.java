import javax.xml.parsers.DocumentBuilderFactory;
import javax.servlet.http.*;

class TemplateServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String name = req.getParameter("name");
        try {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(getServletContext().getResourceAsStream("/WEB-INF/templates.xml"));
            resp.getWriter().println(name.length() + " " + doc.getDocumentElement().getNodeName());
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
