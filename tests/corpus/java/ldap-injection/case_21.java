import javax.naming.directory.*;
import jakarta.servlet.http.*;

class ManagerServlet extends HttpServlet {
    private static final boolean LEGACY_FILTER = false;
    private InitialDirContext ctx;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String manager = req.getParameter("manager");
        String filter = "(objectClass=person)";
        if (LEGACY_FILTER) {
            filter = "(manager=" + manager + ")";
        }
        try {
            ctx.search("ou=people,dc=corp", filter, new SearchControls());
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
