import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class TenantServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String tenant = req.getParameter("tenant");
        if (!tenant.matches("^[a-z0-9]{3,20}$")) {
            resp.sendError(400);
            return;
        }
        resp.sendRedirect("https://" + tenant + ".app.example.com/welcome");
    }
}
