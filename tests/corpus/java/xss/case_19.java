import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

class StatusServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String svc = req.getParameter("service");
        resp.setContentType("application/json");
        new ObjectMapper().writeValue(resp.getWriter(), Map.of("service", svc, "up", true));
    }
}
