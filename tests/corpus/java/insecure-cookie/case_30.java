import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class DeviceServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Cookie trusted = new Cookie("trusted_device", java.util.UUID.randomUUID().toString());
        trusted.setSecure(true);
        trusted.setHttpOnly(false);
        trusted.setMaxAge(31536000);
        resp.addCookie(trusted);
    }
}
