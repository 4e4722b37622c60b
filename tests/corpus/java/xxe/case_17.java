import javax.servlet.http.*;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

class CookieXmlServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String prefs = "<prefs/>";
        for (Cookie c : req.getCookies()) if (c.getName().equals("prefs")) prefs = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://xml.org/sax/features/external-general-entities", true);
            var d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(prefs.getBytes("UTF-8")));
            resp.getWriter().println(d.getDocumentElement().getAttribute("theme"));
        } catch (ParserConfigurationException | org.xml.sax.SAXException e) {
            resp.sendError(400);
        }
    }
}
