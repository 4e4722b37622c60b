import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.xml.sax.InputSource;

class FeedServlet extends HttpServlet {
    private static final boolean CUSTOM_QUERIES = false;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String expr = "//entry[1]/title";
        if (CUSTOM_QUERIES) {
            expr = "//entry[category='" + req.getHeader("X-Category") + "']/title";
        }
        XPath xpath = XPathFactory.newInstance().newXPath();
        try {
            resp.getWriter().println(xpath.evaluate(expr, new InputSource("/srv/feed.xml")));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
