import javax.xml.parsers.DocumentBuilderFactory;
import javax.servlet.http.*;
import org.w3c.dom.Document;

class RemoteDocServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String uri = req.getParameter("doc");
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setExpandEntityReferences(true);
        try {
            Document d = dbf.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(uri)));
            resp.getWriter().println(d.getDocumentElement().getNodeName());
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
