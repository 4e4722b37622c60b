import java.util.Random;
import javax.servlet.http.*;

class ResetServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String email = req.getParameter("email");
        Random random = new Random();
        String code = String.format("%06d", random.nextInt(1000000));
        req.getSession().setAttribute("resetCode", code);
        resp.getWriter().println("code sent to " + email.replaceAll("@.*", "@..."));
    }
}
