import javax.servlet.http.*;

class ImpersonateServlet extends HttpServlet {
    private static final boolean SECURE = true;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Cookie c = new Cookie("admin_token", java.util.UUID.randomUUID().toString());
        c.setSecure(SECURE);
        c.setHttpOnly(SECURE);
        resp.addCookie(c);
    }
}
