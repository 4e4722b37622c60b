import java.nio.file.Files;
import java.nio.file.Paths;
import javax.servlet.http.*;

class ThumbServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String image = req.getParameter("img");
        if (!image.endsWith(".jpg")) {
            resp.sendError(400);
            return;
        }
        resp.setContentType("image/jpeg");
        Files.copy(Paths.get("/srv/images").resolve(image), resp.getOutputStream());
    }
}
