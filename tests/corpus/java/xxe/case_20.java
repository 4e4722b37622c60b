import javax.servlet.http.*;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

class InvoiceUploadServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dbf.setXIncludeAware(false);
            Document doc = dbf.newDocumentBuilder().parse(req.getInputStream());
            resp.getWriter().println(doc.getDocumentElement().getTextContent());
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
