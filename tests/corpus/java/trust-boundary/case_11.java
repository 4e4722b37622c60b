import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class PageSizeServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        int size;
        try {
            size = Math.min(Integer.parseInt(req.getParameter("size")), 100);
        } catch (NumberFormatException e) {
            size = 20;
        }
        req.getSession().setAttribute("pageSize", size);
        resp.setStatus(204);
    }
}
