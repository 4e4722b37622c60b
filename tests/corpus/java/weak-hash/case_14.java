import java.security.MessageDigest;
import java.util.HexFormat;
import javax.servlet.http.*;

class RegisterServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String password = req.getParameter("password");
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            String hash = HexFormat.of().formatHex(md.digest(password.getBytes("UTF-8")));
            resp.getWriter().println("stored " + hash.length());
        } catch (java.security.NoSuchAlgorithmException e) {
            resp.sendError(500);
        }
    }
}
