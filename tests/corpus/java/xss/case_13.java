import java.util.logging.Logger;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class TitleServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger("titles");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String title = req.getParameter("title");
        LOG.info("title requested: " + title.replace('\n', ' '));
        resp.setContentType("text/html");
        resp.getWriter().write("<title>Reports</title>");
    }
}
