import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class AdminServlet extends HttpServlet {
    private static final String ADMIN_USER = "admin";
    private static final String ADMIN_PASSWORD = "Tr0ub4dor&3";

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        boolean valid = ADMIN_USER.equals(req.getParameter("user")) && ADMIN_PASSWORD.equals(req.getParameter("password"));
        resp.setStatus(valid ? 200 : 401);
    }
}
