import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.*;

class ExportServlet extends HttpServlet {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            byte[] iv = java.security.SecureRandom.getInstanceStrong().generateSeed(12);
            Cipher c = Cipher.getInstance(TRANSFORMATION);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(java.util.Base64.getDecoder().decode(System.getenv("EXPORT_KEY")), "AES"),
                   new GCMParameterSpec(128, iv));
            resp.getOutputStream().write(c.doFinal(req.getParameter("rows").getBytes()));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
