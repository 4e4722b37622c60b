import javax.servlet.http.*;

class SsoServlet extends HttpServlet {
    private String target(HttpServletRequest req) {
        String t = req.getParameter("target");
        return t == null ? "/home" : t;
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        resp.sendRedirect(target(req));
    }
}
