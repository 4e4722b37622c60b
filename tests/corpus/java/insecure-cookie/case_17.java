import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class RememberServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Cookie remember = new Cookie("remember_me", req.getSession().getId());
        remember.setHttpOnly(true);
        remember.setSecure(false);
        remember.setMaxAge(60 * 60 * 24 * 30);
        resp.addCookie(remember);
    }
}
