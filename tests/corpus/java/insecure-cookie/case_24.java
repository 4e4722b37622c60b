import javax.servlet.http.*;

class LoginServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String token = java.util.UUID.randomUUID().toString();
        Cookie c = new Cookie("auth", token);
        c.setPath("/");
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
        resp.sendRedirect("/home");
    }
}
