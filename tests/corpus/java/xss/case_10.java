import jakarta.servlet.http.*;
import java.io.PrintWriter;

class RedirectNoticeServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String next = req.getParameter("next");
        PrintWriter w = resp.getWriter();
        resp.setContentType("text/html");
        w.printf("<a href=\"%s\">Continue</a>%n", next);
    }
}
