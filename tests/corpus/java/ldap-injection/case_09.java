import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class StaffServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String requester = req.getParameter("requester");
        try {
            boolean any = ctx.search("ou=staff,dc=corp", "(objectClass=person)", new SearchControls()).hasMore();
            resp.getWriter().println(requester.length() + ":" + any);
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
