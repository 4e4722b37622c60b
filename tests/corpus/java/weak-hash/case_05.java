import java.security.MessageDigest;
import jakarta.servlet.http.*;

class SessionIdServlet extends HttpServlet {
    private static final boolean LEGACY_HASH = false;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            String alg = LEGACY_HASH ? "MD5" : "SHA-256";
            byte[] h = MessageDigest.getInstance(alg).digest(req.getParameter("doc").getBytes());
            resp.getWriter().println(java.util.HexFormat.of().formatHex(h));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
