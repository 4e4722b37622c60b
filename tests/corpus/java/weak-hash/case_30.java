import java.util.zip.CRC32;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ShardServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        CRC32 crc = new CRC32();
        crc.update(req.getParameter("key").getBytes());
        resp.getWriter().println("shard-" + (crc.getValue() % 16));
    }
}
