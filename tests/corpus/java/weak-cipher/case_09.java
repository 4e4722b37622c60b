import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class NoteServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            Cipher c = Cipher.getInstance("DES/CFB8/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(System.getenv("NOTE_KEY").getBytes(), 0, 8, "DES"));
            resp.getOutputStream().write(c.doFinal(req.getInputStream().readAllBytes()));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
