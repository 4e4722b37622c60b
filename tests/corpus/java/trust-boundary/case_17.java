import javax.servlet.http.*;

class LoginServlet extends HttpServlet {
    interface Auth { String verify(String user, String password); }

    private Auth auth;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String userId = auth.verify(req.getParameter("user"), req.getParameter("password"));
        if (userId == null) {
            resp.sendError(401);
            return;
        }
        req.changeSessionId();
        req.getSession().setAttribute("userId", userId);
        resp.sendRedirect("/");
    }
}
