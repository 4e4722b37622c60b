import javax.servlet.http.*;

class LegacyLoginServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        HttpSession s = req.getSession(true);
        Cookie jsid = new Cookie("JSESSIONID", s.getId());
        jsid.setPath(req.getContextPath());
        resp.addCookie(jsid);
        resp.sendRedirect("/");
    }
}
