import javax.servlet.http.*;

class LangServlet extends HttpServlet {
    private void remember(HttpSession s, String key, String value) {
        s.setAttribute(key, value);
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        remember(req.getSession(), "userName", req.getParameter("name"));
        resp.sendRedirect("/");
    }
}
