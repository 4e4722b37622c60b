import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import javax.servlet.http.*;

class SessionImportServlet extends HttpServlet {
    private static final ObjectInputFilter FILTER =
        ObjectInputFilter.Config.createFilter("com.example.session.State;java.lang.*;maxdepth=5;!*");

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try (ObjectInputStream in = new ObjectInputStream(req.getInputStream())) {
            in.setObjectInputFilter(FILTER);
            Object state = in.readObject();
            resp.getWriter().println("imported " + state.getClass().getSimpleName());
        } catch (ClassNotFoundException e) {
            resp.sendError(400);
        }
    }
}
