import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class DiskServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String dir = req.getParameter("dir");
        String command = String.format("du -sh %s", dir);
        Process proc = Runtime.getRuntime().exec(new String[] {"sh", "-c", command});
        resp.getWriter().write(new String(proc.getInputStream().readAllBytes()));
    }
}
