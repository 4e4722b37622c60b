import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class SsoServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String sid = req.getSession(true).getId();
        resp.addHeader("Set-Cookie", "SSO_SESSION=" + sid + "; Path=/; SameSite=Lax");
        resp.sendRedirect("/app");
    }
}
