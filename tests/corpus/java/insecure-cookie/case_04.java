import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class CartServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String sessionKey = java.util.UUID.randomUUID().toString();
        Cookie[] cookies = { new Cookie("cart_session", sessionKey), new Cookie("cart_items", "0") };
        for (Cookie c : cookies) {
            c.setSecure(true);
            resp.addCookie(c);
        }
    }
}
