import java.io.IOException;
import java.io.Writer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class TitleServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String title = req.getParameter("title");
        String decoded = java.net.URLDecoder.decode(title, "UTF-8");
        resp.setContentType("text/html");
        Writer w = resp.getWriter();
        w.write("<title>" + decoded + "</title>");
    }
}
