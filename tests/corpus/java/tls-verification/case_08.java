import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.servlet.http.*;

class MetricsServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(null, null, null);
            HttpsURLConnection.setDefaultSSLSocketFactory(ctx.getSocketFactory());
            resp.setStatus(204);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
