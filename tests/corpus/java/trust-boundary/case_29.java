import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

class SsoServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String email = req.getParameter("email");
        String normalised = email.toLowerCase().trim();
        HttpSession session = req.getSession();
        session.setAttribute("authenticatedEmail", normalised);
        resp.sendRedirect("/app");
    }
}
