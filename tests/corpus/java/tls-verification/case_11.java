import javax.net.ssl.HttpsURLConnection;
import javax.servlet.http.*;

class InventoryServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        HttpsURLConnection conn = (HttpsURLConnection) new java.net.URL("https://inventory.internal/api").openConnection();
        conn.setHostnameVerifier((hostname, session) -> true);
        resp.getWriter().println(conn.getResponseCode());
    }
}
