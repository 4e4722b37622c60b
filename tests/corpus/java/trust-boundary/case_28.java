import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class TenantServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String tenant = req.getHeader("X-Tenant");
        req.getSession(true).setAttribute("tenantId", tenant);
        resp.setStatus(204);
    }
}
