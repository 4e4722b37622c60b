import java.util.HashMap;
import java.util.Map;
import jakarta.servlet.http.*;

class WizardServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Map<String, String> step = new HashMap<>();
        step.put("plan", req.getParameter("plan"));
        step.put("seats", req.getParameter("seats"));
        req.getSession().setAttribute("wizard", step);
        resp.sendRedirect("/wizard/2");
    }
}
