import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class DownloadServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String src = req.getHeader("X-Source");
        URLConnection c = new URL(src.trim()).openConnection();
        try (InputStream in = c.getInputStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
