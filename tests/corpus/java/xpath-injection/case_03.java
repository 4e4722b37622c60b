import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.xml.sax.InputSource;

class FeedServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String category = req.getHeader("X-Category");
        XPath xpath = XPathFactory.newInstance().newXPath();
        try {
            String title = xpath.evaluate("//entry[category='" + category + "']/title", new InputSource("/srv/feed.xml"));
            resp.getWriter().println(title);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
