import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class StreamServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            XMLStreamReader r = XMLInputFactory.newInstance().createXMLStreamReader(req.getInputStream());
            int elements = 0;
            while (r.hasNext()) if (r.next() == XMLStreamReader.START_ELEMENT) elements++;
            resp.getWriter().println(elements);
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
