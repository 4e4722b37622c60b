import java.beans.XMLDecoder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class LayoutServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        XMLDecoder decoder = new XMLDecoder(req.getInputStream());
        Object layout = decoder.readObject();
        decoder.close();
        resp.getWriter().println(layout);
    }
}
