import org.dom4j.DocumentHelper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class SnippetServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String snippet = req.getHeader("X-Snippet");
        try {
            var doc = DocumentHelper.parseText(snippet);
            resp.getWriter().println(doc.getRootElement().getText());
        } catch (org.dom4j.DocumentException e) {
            resp.sendError(400);
        }
    }
}
