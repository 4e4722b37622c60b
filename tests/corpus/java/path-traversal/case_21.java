import java.nio.file.*;
import javax.servlet.http.*;

class ThumbServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String image = req.getParameter("img");
        if (!image.matches("^[A-Za-z0-9_-]{1,64}\\.jpg$")) {
            resp.sendError(400);
            return;
        }
        resp.setContentType("image/jpeg");
        Files.copy(Paths.get("/srv/images").resolve(image), resp.getOutputStream());
    }
}
