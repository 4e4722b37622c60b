import java.io.InputStream;
import java.net.URL;
import java.util.Set;
import javax.servlet.http.*;

class PreviewServlet extends HttpServlet {
    private static final Set<String> HOSTS = Set.of("images.example.com", "cdn.example.com");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        URL url = new URL(req.getParameter("url"));
        if (!"https".equals(url.getProtocol()) || !HOSTS.contains(url.getHost())) {
            resp.sendError(400, "host not allowed");
            return;
        }
        try (InputStream in = url.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
