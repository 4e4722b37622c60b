import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.*;

class HistoryServlet extends HttpServlet {
    @SuppressWarnings("unchecked")
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        HttpSession s = req.getSession();
        List<String> visited = (List<String>) s.getAttribute("visited");
        if (visited == null) visited = new ArrayList<>();
        visited.add(req.getParameter("page"));
        s.setAttribute("visited", visited);
        resp.setStatus(204);
    }
}
