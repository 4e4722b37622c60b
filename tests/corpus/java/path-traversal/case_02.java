import java.io.File;
import java.util.UUID;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class DeleteServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        UUID id = UUID.fromString(req.getHeader("X-Document"));
        File target = new File("/srv/docs", id + ".pdf");
        resp.setStatus(target.delete() ? 204 : 404);
    }
}
