import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class TagServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        List<String> items = new ArrayList<>();
        for (String t : req.getParameterValues("tag")) {
            items.add("<li>" + t + "</li>");
        }
        resp.setContentType("text/html");
        resp.getWriter().println("<ul>" + String.join("", items) + "</ul>");
    }
}
