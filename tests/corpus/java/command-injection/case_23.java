import java.io.IOException;
import javax.servlet.http.*;

class VersionServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] cmd = {"/bin/sh", "-c", "java -version 2>&1 | head -1"};
        Process p = Runtime.getRuntime().exec(cmd);
        resp.setHeader("X-Client", req.getHeader("User-Agent"));
        resp.getWriter().write(new String(p.getInputStream().readAllBytes()));
    }
}
