import javax.servlet.http.*;

class PrefsServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String role = req.getParameter("role");
        HttpSession session = req.getSession();
        session.setAttribute("role", role);
        resp.sendRedirect("/dashboard");
    }
}
