import java.util.Random;
import javax.servlet.http.*;

class RememberMeServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Random r = new Random(req.getParameter("user").hashCode());
        String series = Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
        Cookie c = new Cookie("remember", series);
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }
}
