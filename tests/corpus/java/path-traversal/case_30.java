import java.io.File;
import java.io.FileInputStream;
import javax.servlet.http.*;

class DownloadServlet extends HttpServlet {
    private static final File BASE = new File("/srv/uploads");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        File f = new File(BASE, req.getParameter("file")).getCanonicalFile();
        if (!f.toPath().startsWith(BASE.getCanonicalFile().toPath())) {
            resp.sendError(403);
            return;
        }
        try (FileInputStream in = new FileInputStream(f)) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
