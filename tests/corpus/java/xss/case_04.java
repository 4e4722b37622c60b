import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class PlainEchoServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String text = req.getParameter("text");
        resp.setContentType("text/plain;charset=UTF-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.getWriter().println("You wrote: " + text);
    }
}
