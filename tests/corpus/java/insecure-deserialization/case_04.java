import java.io.ObjectOutputStream;
import java.io.Serializable;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ExportServlet extends HttpServlet {
    record Snapshot(String owner, long at) implements Serializable {}

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Snapshot s = new Snapshot(req.getRemoteUser(), System.currentTimeMillis());
        try (ObjectOutputStream out = new ObjectOutputStream(resp.getOutputStream())) {
            out.writeObject(s);
        }
    }
}
