import java.security.MessageDigest;
import jakarta.servlet.http.*;

class SessionIdServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String seed = req.getRemoteAddr() + System.currentTimeMillis();
        try {
            MessageDigest md4 = MessageDigest.getInstance("MD4");
            Cookie c = new Cookie("sid", java.util.HexFormat.of().formatHex(md4.digest(seed.getBytes())));
            c.setSecure(true);
            c.setHttpOnly(true);
            resp.addCookie(c);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
