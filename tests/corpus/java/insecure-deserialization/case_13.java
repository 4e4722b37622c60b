import java.io.ObjectInputStream;
import javax.servlet.http.*;

class SessionImportServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try (ObjectInputStream in = new ObjectInputStream(req.getInputStream())) {
            Object state = in.readObject();
            resp.getWriter().println("imported " + state.getClass().getSimpleName());
        } catch (ClassNotFoundException e) {
            resp.sendError(400);
        }
    }
}
