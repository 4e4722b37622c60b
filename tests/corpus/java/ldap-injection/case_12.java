import javax.naming.directory.*;
import jakarta.servlet.http.*;

class ManagerServlet extends HttpServlet {
    private InitialDirContext ctx;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String manager = req.getParameter("manager").trim();
        String base = "ou=people,dc=corp";
        String filter = "(manager=uid=" + manager + "," + base + ")";
        try {
            ctx.search(base, filter, new SearchControls());
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
