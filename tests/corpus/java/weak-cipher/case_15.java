import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.*;

class CookieSignServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(System.getenv("COOKIE_KEY").getBytes(), "HmacSHA256"));
            String user = req.getRemoteUser();
            String sig = java.util.Base64.getUrlEncoder().encodeToString(mac.doFinal(user.getBytes()));
            Cookie cookie = new Cookie("u", user + "." + sig);
            cookie.setSecure(true);
            cookie.setHttpOnly(true);
            resp.addCookie(cookie);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
