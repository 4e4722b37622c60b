import java.util.Random;
import javax.servlet.http.*;

class BannerServlet extends HttpServlet {
    private static final String[] BANNERS = {"spring-sale", "free-shipping", "new-arrivals"};
    private final Random random = new Random();

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String banner = BANNERS[random.nextInt(BANNERS.length)];
        resp.getWriter().println("<div class=\"banner\">" + banner + "</div>");
    }
}
