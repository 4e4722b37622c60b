import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.*;

class GatewayServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Map<String, String> params = new HashMap<>();
        params.put("success", req.getParameter("success_url"));
        params.put("cancel", "/cart");
        String status = req.getParameter("status");
        resp.sendRedirect("paid".equals(status) ? params.get("success") : params.get("cancel"));
    }
}
