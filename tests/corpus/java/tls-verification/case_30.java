import javax.net.ssl.HttpsURLConnection;
import javax.servlet.http.*;

class InventoryServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        HttpsURLConnection conn = (HttpsURLConnection) new java.net.URL("https://inventory.internal/api").openConnection();
        conn.setConnectTimeout(2000);
        resp.getWriter().println(conn.getResponseCode());
    }
}
