import javax.servlet.http.*;

class GrepServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        String pattern = "";
        for (Cookie c : request.getCookies()) {
            if (c.getName().equals("filter")) {
                pattern = c.getValue();
            }
        }
        String[] cmd = {"/bin/sh", "-c", "grep " + pattern + " /var/log/app.log"};
        Runtime.getRuntime().exec(cmd);
    }
}
