import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.*;

class CookieCryptServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String alg = "RC2";
        try {
            Cipher c = Cipher.getInstance(alg);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(System.getenv("COOKIE_KEY").getBytes(), alg));
            String v = java.util.Base64.getUrlEncoder().encodeToString(c.doFinal(req.getRemoteUser().getBytes()));
            Cookie cookie = new Cookie("u", v);
            cookie.setSecure(true);
            cookie.setHttpOnly(true);
            resp.addCookie(cookie);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
