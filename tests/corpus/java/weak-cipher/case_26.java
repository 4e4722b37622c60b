import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.*;

class CardServlet extends HttpServlet {
    private byte[] key;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            Cipher c = Cipher.getInstance("DES/ECB/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            byte[] enc = c.doFinal(req.getParameter("card").getBytes());
            resp.getWriter().println(java.util.Base64.getEncoder().encodeToString(enc));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
