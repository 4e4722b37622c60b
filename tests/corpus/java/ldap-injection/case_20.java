import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class GroupServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String group = req.getHeader("X-Group");
        if (group == null || !group.matches("^[A-Za-z0-9 _-]{1,64}$")) {
            resp.sendError(400, "group names are letters, digits, space, _ and -");
            return;
        }
        try {
            ctx.search("ou=groups,dc=corp", "(cn=" + group + ")", new SearchControls());
        } catch (javax.naming.NamingException e) {
            resp.sendError(502);
        }
    }
}
