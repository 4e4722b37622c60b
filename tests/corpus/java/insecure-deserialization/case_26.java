import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.io.xml.DomDriver;
import javax.servlet.http.*;

class ProfileImportServlet extends HttpServlet {
    private final XStream xs = new XStream(new DomDriver());

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String profile = req.getParameter("profile");
        resp.getWriter().println(xs.fromXML(profile));
    }
}
