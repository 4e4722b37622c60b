import javax.servlet.http.*;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.XMLConstants;

class RemoteDocServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        try {
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
            dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var d = dbf.newDocumentBuilder().parse(req.getInputStream());
            resp.getWriter().println(d.getDocumentElement().getNodeName());
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
