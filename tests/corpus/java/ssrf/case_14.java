import java.io.InputStream;
import java.net.URL;
import javax.servlet.http.*;

class PreviewServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String link = req.getParameter("url");
        try (InputStream in = new URL(link).openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
