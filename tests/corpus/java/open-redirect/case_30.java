import javax.servlet.http.*;

class SsoServlet extends HttpServlet {
    private static final boolean LEGACY_RETURN = false;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        if (LEGACY_RETURN) {
            resp.sendRedirect(req.getParameter("target"));
            return;
        }
        resp.sendRedirect("/sso/complete");
    }
}
