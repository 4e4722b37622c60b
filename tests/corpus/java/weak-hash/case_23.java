import java.security.MessageDigest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ApiAuthServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String apiKey = req.getHeader("X-Api-Key");
        StringBuilder algo = new StringBuilder("SHA").append("-1");
        try {
            byte[] hashed = MessageDigest.getInstance(algo.toString()).digest(apiKey.getBytes());
            resp.setStatus(hashed.length == 20 ? 200 : 401);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
