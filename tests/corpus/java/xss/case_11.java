import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ErrorServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String msg = req.getHeader("Referer");
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(String.format("<div class='err'>Came from %s</div>", msg));
    }
}
