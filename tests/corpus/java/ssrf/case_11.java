import java.net.HttpURLConnection;
import java.net.URL;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class AvatarServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String avatar = req.getParameter("avatarUrl");
        HttpURLConnection conn = (HttpURLConnection) new URL(avatar).openConnection();
        conn.setConnectTimeout(3000);
        resp.setStatus(conn.getResponseCode() == 200 ? 201 : 400);
    }
}
