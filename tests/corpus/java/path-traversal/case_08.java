import java.io.File;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class DeleteServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String doc = req.getHeader("X-Document");
        File base = new File("/srv/docs");
        File target = new File(base, doc);
        resp.setStatus(target.delete() ? 204 : 404);
    }
}
