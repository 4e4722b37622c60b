import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class BackupServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String target = req.getParameter("target");
        target = "/var/backups/nightly";
        Runtime.getRuntime().exec("rsync -a /srv/data " + target);
        resp.setStatus(202);
    }
}
