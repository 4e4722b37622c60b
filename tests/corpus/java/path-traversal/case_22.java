import java.io.File;
import java.io.FileInputStream;
import javax.servlet.http.*;

class DownloadServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String name = req.getParameter("file");
        File f = new File("/srv/uploads/" + name);
        try (FileInputStream in = new FileInputStream(f)) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
