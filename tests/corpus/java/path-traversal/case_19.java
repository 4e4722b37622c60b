import java.nio.file.Files;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class StatusServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String requested = req.getParameter("file");
        String text = Files.readString(Paths.get("/srv/status/current.txt"));
        resp.getWriter().println(text + " (asked: " + requested.length() + ")");
    }
}
