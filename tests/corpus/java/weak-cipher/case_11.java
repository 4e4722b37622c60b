import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.DESKeySpec;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class SsnServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            var key = SecretKeyFactory.getInstance("DES").generateSecret(new DESKeySpec(System.getenv("SSN_KEY").getBytes()));
            Cipher des = Cipher.getInstance("DES");
            des.init(Cipher.ENCRYPT_MODE, key);
            resp.getWriter().println(des.doFinal(req.getParameter("ssn").getBytes()).length);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
