import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class PingServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        String host = request.getParameter("host");
        if (!host.matches("^[a-zA-Z0-9.-]{1,253}$")) {
            response.sendError(400, "invalid host");
            return;
        }
        Process p = new ProcessBuilder("ping", "-c", "1", host).start();
        response.getWriter().println("started " + p.pid());
    }
}
