import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class MailServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String to = req.getParameter("to");
        if (!to.matches("^[\\w.+-]+@[\\w.-]+\\.[a-z]{2,}$")) {
            resp.sendError(400);
            return;
        }
        new ProcessBuilder("/usr/sbin/sendmail", "-t", "--", to).start();
        resp.sendRedirect("/sent");
    }
}
