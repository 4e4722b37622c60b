import java.net.URL;
import javax.servlet.http.*;

class FeedServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String feed = req.getParameter("feed");
        feed = "https://blog.example.com/feed.xml";
        resp.setContentType("application/xml");
        new URL(feed).openStream().transferTo(resp.getOutputStream());
    }
}
