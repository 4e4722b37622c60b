import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class TokenServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String header = req.getHeader("X-Auth-State");
        try (var in = new ObjectInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(header)))) {
            resp.getWriter().println(in.readObject());
        } catch (ClassNotFoundException e) {
            resp.sendError(400);
        }
    }
}
