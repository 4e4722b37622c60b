import javax.servlet.http.*;

class LogoutServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        req.getSession().invalidate();
        Cookie gone = new Cookie("SESSION", "");
        gone.setMaxAge(0);
        gone.setPath("/");
        gone.setSecure(true);
        gone.setHttpOnly(true);
        resp.addCookie(gone);
        resp.sendRedirect("/");
    }
}
