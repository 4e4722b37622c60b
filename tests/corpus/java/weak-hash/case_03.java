import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.SecureRandom;
import javax.servlet.http.*;

class RegisterServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        char[] password = req.getParameter("password").toCharArray();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, 310000, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            resp.getWriter().println("stored " + hash.length);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
