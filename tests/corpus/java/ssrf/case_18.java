import java.net.URL;
import javax.servlet.http.*;

class MetadataServlet extends HttpServlet {
    private String base(HttpServletRequest req) {
        String region = req.getParameter("region");
        return "http://" + region + ".metadata.internal";
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        URL u = new URL(base(req) + "/latest/info");
        resp.getWriter().print(new String(u.openStream().readAllBytes()));
    }
}
