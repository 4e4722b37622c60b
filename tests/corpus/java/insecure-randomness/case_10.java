import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class NonceServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        double r = Math.random();
        String nonce = Double.toString(r).substring(2);
        req.getSession().setAttribute("oauthState", nonce);
        resp.sendRedirect("https://id.example.com/authorize?state=" + nonce);
    }
}
