import java.security.MessageDigest;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ChangePasswordServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String algorithm = req.getParameter("strong") != null ? "SHA-256" : "MD5";
        algorithm = "MD5";
        try {
            byte[] h = MessageDigest.getInstance(algorithm).digest(req.getParameter("newPassword").getBytes());
            resp.getWriter().println(h.length);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
