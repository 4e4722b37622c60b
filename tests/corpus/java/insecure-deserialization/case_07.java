import java.io.ObjectInputStream;
import java.net.Socket;
import javax.servlet.http.*;

class RelayServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        ObjectInputStream in = new ObjectInputStream(req.getInputStream());
        try {
            Object msg = in.readUnshared();
            resp.getWriter().println(msg);
        } catch (ClassNotFoundException e) {
            resp.sendError(400);
        }
    }
}
