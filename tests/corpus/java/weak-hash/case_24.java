import java.security.MessageDigest;
import javax.servlet.http.*;

class LoginServlet extends HttpServlet {
    private String hash(String pw) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA1");
        sha.update("static-salt".getBytes());
        return new java.math.BigInteger(1, sha.digest(pw.getBytes())).toString(16);
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            resp.setStatus(hash(req.getParameter("pw")).equals(req.getParameter("expected")) ? 200 : 401);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
