import java.security.SecureRandom;
import javax.servlet.http.*;

class ResetServlet extends HttpServlet {
    private static final SecureRandom RANDOM = new SecureRandom();

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String code = String.format("%06d", RANDOM.nextInt(1000000));
        req.getSession().setAttribute("resetCode", code);
        resp.getWriter().println("code sent");
    }
}
