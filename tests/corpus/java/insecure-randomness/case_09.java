import java.util.concurrent.ThreadLocalRandom;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class SessionServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        long sid = ThreadLocalRandom.current().nextLong();
        Cookie c = new Cookie("SID", Long.toHexString(sid));
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }
}
