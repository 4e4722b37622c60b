import java.io.IOException;
import javax.servlet.http.*;

class MailServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String to = req.getParameter("to");
        ProcessBuilder builder = new ProcessBuilder();
        builder.command("sh", "-c", "echo report | mail -s Report " + to);
        builder.start();
        resp.sendRedirect("/sent");
    }
}
