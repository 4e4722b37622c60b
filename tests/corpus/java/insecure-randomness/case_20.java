import java.util.Random;
import javax.servlet.http.*;

class OtpServlet extends HttpServlet {
    private static final Random RANDOM = new Random();

    private String otp() {
        int n = 100000 + RANDOM.nextInt(900000);
        return Integer.toString(n);
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        req.getSession().setAttribute("otp", otp());
        resp.setStatus(202);
    }
}
