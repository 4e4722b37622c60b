import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import javax.servlet.http.*;

class ProfileImportServlet extends HttpServlet {
    static class Profile {
        public String name;
        public String email;
    }

    private final XmlMapper xml = new XmlMapper();

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Profile p = xml.readValue(req.getInputStream(), Profile.class);
        resp.getWriter().println(p.name);
    }
}
