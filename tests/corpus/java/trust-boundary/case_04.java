import javax.servlet.http.*;

class KeyServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String attr = req.getParameter("attr");
        req.getSession().setAttribute(attr, "enabled");
        resp.setStatus(204);
    }
}
