import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class AliasServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String alias = new String(req.getInputStream().readAllBytes(), "UTF-8");
        String f = "(mailAlias=" + alias + ")";
        try {
            resp.getWriter().print(ctx.search("dc=corp", f, new SearchControls()).hasMore());
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
