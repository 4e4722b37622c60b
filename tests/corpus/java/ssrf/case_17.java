import java.net.URL;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class StatusServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String requested = req.getParameter("url");
        URL status = new URL("https://status.example.com/api/v2/summary.json");
        resp.getWriter().println("asked " + requested.length());
        resp.getWriter().print(new String(status.openStream().readAllBytes()));
    }
}
