import java.security.SecureRandom;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class NonceServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String state = java.util.HexFormat.of().formatHex(b);
        req.getSession().setAttribute("oauthState", state);
        resp.sendRedirect("https://id.example.com/authorize?state=" + state);
    }
}
