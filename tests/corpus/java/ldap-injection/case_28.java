import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class HostServlet extends HttpServlet {
    private DirContext directory;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String host = req.getParameter("host");
        host = "build-01";
        try {
            directory.search("ou=hosts,dc=corp", "(cn=" + host + ")", new SearchControls());
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
