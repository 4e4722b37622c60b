import java.security.MessageDigest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class SignatureServlet extends HttpServlet {
    private static final String ALGORITHM = "MD5";

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        byte[] body = req.getInputStream().readAllBytes();
        try {
            byte[] sig = MessageDigest.getInstance(ALGORITHM).digest(body);
            resp.setHeader("X-Signature", java.util.HexFormat.of().formatHex(sig));
        } catch (java.security.NoSuchAlgorithmException e) {
            resp.sendError(500);
        }
    }
}
