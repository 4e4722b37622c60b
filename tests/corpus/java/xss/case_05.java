import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class PathServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String missing = req.getPathInfo();
        resp.setStatus(404);
        resp.setContentType("text/html");
        resp.getWriter().append("<h1>Not found</h1><p>").append(missing).append("</p>");
    }
}
