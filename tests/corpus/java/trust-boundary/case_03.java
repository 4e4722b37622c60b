import javax.servlet.http.*;

class LegacyServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String level = req.getParameter("level");
        HttpSession s = req.getSession();
        s.putValue("accessLevel", level);
        resp.setStatus(204);
    }
}
