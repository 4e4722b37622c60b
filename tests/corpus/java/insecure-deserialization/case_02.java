import java.io.ObjectInputStream;
import javax.servlet.http.*;

class DefaultsServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String who = req.getParameter("who");
        try (ObjectInputStream in = new ObjectInputStream(getClass().getResourceAsStream("/defaults.ser"))) {
            resp.getWriter().println(who.length() + " " + in.readObject());
        } catch (ClassNotFoundException e) {
            resp.sendError(500);
        }
    }
}
