import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.*;

class ExportServlet extends HttpServlet {
    private Cipher cipher(byte[] key) throws Exception {
        Cipher c = Cipher.getInstance("AES");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return c;
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            byte[] out = cipher(System.getenv("EXPORT_KEY").getBytes()).doFinal(req.getParameter("rows").getBytes());
            resp.getOutputStream().write(out);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
