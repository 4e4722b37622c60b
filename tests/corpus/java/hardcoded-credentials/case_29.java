import javax.servlet.http.*;

class LoginFormServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String passwordField = "password";
        String userField = "username";
        resp.setContentType("text/html");
        resp.getWriter().println("<form method=post><input name=" + userField + "><input type=password name=" + passwordField + "></form>");
    }
}
