import javax.servlet.http.*;

class ImpersonateServlet extends HttpServlet {
    private static final boolean SECURE = false;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Cookie c = new Cookie("admin_token", req.getParameter("token"));
        c.setSecure(SECURE);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }
}
