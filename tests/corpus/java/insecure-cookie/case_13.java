import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class DeviceServlet extends HttpServlet {
    private Cookie hardened(String name, String value) {
        Cookie c = new Cookie(name, value);
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setPath("/");
        return c;
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Cookie trusted = hardened("trusted_device", java.util.UUID.randomUUID().toString());
        trusted.setMaxAge(31536000);
        resp.addCookie(trusted);
    }
}
