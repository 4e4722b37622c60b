import javax.naming.NamingEnumeration;
import javax.naming.directory.*;
import javax.servlet.http.*;

class PeopleServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String user = req.getParameter("user");
        try {
            NamingEnumeration<SearchResult> r =
                ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {user}, new SearchControls());
            resp.getWriter().println(r.hasMore() ? "found" : "none");
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
