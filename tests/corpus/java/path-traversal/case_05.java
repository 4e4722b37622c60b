import java.io.RandomAccessFile;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ChunkServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String[] parts = req.getPathInfo().split("/", 3);
        try (RandomAccessFile raf = new RandomAccessFile("/data/blobs/" + parts[1], "r")) {
            byte[] buf = new byte[4096];
            int n = raf.read(buf);
            resp.getOutputStream().write(buf, 0, Math.max(n, 0));
        }
    }
}
