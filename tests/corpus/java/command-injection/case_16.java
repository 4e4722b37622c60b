import javax.servlet.http.*;

class UptimeServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String requested = req.getParameter("cmd");
        Runtime r = Runtime.getRuntime();
        Process p = r.exec("uptime");
        resp.getWriter().println("requested " + requested.length() + " chars");
        resp.getWriter().println(new String(p.getInputStream().readAllBytes()));
    }
}
