import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class DomainServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String host = req.getParameter("host");
        StringBuilder url = new StringBuilder("https://");
        url.append(host).append("/welcome");
        resp.sendRedirect(url.toString());
    }
}
