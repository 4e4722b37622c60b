import javax.servlet.http.*;

class LoginServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String next = req.getParameter("next");
        req.getSession().setAttribute("user", req.getParameter("user"));
        resp.sendRedirect(next);
    }
}
