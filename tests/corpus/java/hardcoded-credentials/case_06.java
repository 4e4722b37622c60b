import java.util.Properties;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class MailServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "smtp.example.com");
        try (Transport t = Session.getInstance(props).getTransport("smtp")) {
            t.connect("smtp.example.com", System.getenv("SMTP_USER"), System.getenv("SMTP_PASSWORD"));
            resp.setStatus(202);
        } catch (jakarta.mail.MessagingException e) {
            resp.sendError(502);
        }
    }
}
