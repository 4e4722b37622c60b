import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class NoteServlet extends HttpServlet {
    private static final boolean LEGACY_CIPHER = false;
    private SecretKey key;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            Cipher c;
            byte[] iv = new byte[12];
            new java.security.SecureRandom().nextBytes(iv);
            if (LEGACY_CIPHER) {
                c = Cipher.getInstance("DES/ECB/PKCS5Padding");
                c.init(Cipher.ENCRYPT_MODE, key);
            } else {
                c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            }
            resp.getOutputStream().write(c.doFinal(req.getInputStream().readAllBytes()));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
