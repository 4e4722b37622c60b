import java.util.UUID;
import javax.servlet.http.*;

class CsrfServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String client = req.getParameter("client");
        String token = UUID.randomUUID().toString();
        req.getSession().setAttribute("csrfToken", token);
        resp.getWriter().println(client.length() + ":" + token);
    }
}
