import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class HomeServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String back = req.getHeader("Referer");
        log("came from " + back);
        resp.setStatus(302);
        resp.setHeader("Location", "/dashboard");
    }
}
