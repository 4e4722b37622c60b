import java.security.MessageDigest;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ApiAuthServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String algorithm = "MD5";
        algorithm = "SHA-384";
        try {
            byte[] hashed = MessageDigest.getInstance(algorithm).digest(req.getHeader("X-Api-Key").getBytes());
            resp.setStatus(hashed.length == 48 ? 200 : 401);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
