import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class TokenServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            KeyGenerator kg = KeyGenerator.getInstance("DESede");
            Cipher c = Cipher.getInstance("DESede/CBC/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, kg.generateKey());
            resp.getWriter().println(c.doFinal(req.getParameter("user").getBytes()).length);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
