import javax.servlet.http.*;

class TraceServlet extends HttpServlet {
    private Process trace(String host) throws java.io.IOException {
        return new ProcessBuilder("traceroute", "-m", "10", host).start();
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        java.net.InetAddress addr = java.net.InetAddress.getByName(req.getParameter("h"));
        trace(addr.getHostAddress());
        resp.setStatus(202);
    }
}
