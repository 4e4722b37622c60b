import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class HostServlet extends HttpServlet {
    private DirContext directory;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String[] parts = req.getPathInfo().split("/");
        String host = parts[parts.length - 1];
        try {
            directory.search("ou=hosts,dc=corp", "(cn=" + host + ")", new SearchControls());
            resp.setStatus(200);
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
