import java.io.InputStream;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class DocServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        int page = Integer.parseInt(req.getParameter("page"));
        try (InputStream in = new URL("https://docs.example.com/pages/" + page + ".html").openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
