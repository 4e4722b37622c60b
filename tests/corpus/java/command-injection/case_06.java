import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class LogServlet extends HttpServlet {
    private static final boolean DEBUG_SHELL = false;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String filter = req.getParameter("filter");
        if (DEBUG_SHELL) {
            Runtime.getRuntime().exec("grep " + filter + " /var/log/app.log");
        }
        resp.getWriter().println("filter saved: " + filter.length());
    }
}
