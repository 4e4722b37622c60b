import java.util.UUID;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class SessionServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Cookie c = new Cookie("SID", UUID.randomUUID().toString());
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }
}
