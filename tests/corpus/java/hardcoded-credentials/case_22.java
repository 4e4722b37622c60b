import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.crypto.bcrypt.BCrypt;

class AdminServlet extends HttpServlet {
    private static final String PASSWORD_PARAM = "password";
    private final String adminHash = System.getenv("ADMIN_PASSWORD_BCRYPT");

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String given = req.getParameter(PASSWORD_PARAM);
        resp.setStatus(given != null && BCrypt.checkpw(given, adminHash) ? 200 : 401);
    }
}
