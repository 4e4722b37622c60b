import javax.servlet.http.*;

class ContinueServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String next = req.getParameter("next");
        if (next.contains("example.com")) {
            resp.sendRedirect(next);
            return;
        }
        resp.sendRedirect("/");
    }
}
