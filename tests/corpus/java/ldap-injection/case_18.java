import java.util.HashMap;
import java.util.Map;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.*;

class BadgeServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Map<String, String> q = new HashMap<>();
        q.put("badge", req.getParameter("badge"));
        try {
            ctx.search("ou=staff,dc=corp", "(employeeNumber=" + q.get("badge") + ")", new SearchControls());
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
