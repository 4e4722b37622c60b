import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class CartServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Cookie[] cookies = { new Cookie("cart_session", java.util.UUID.randomUUID().toString()), new Cookie("cart_id", "c-1") };
        for (Cookie c : cookies) {
            c.setSecure(true);
            c.setHttpOnly(true);
            resp.addCookie(c);
        }
    }
}
