import javax.net.ssl.*;
import javax.servlet.http.*;

class MetricsServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("SSL");
            ctx.init(null, new TrustManager[] { new X509ExtendedTrustManager() {
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a, java.net.Socket s) {}
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a, java.net.Socket s) {}
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a, SSLEngine e) {}
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a, SSLEngine e) {}
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}
                public java.security.cert.X509Certificate[] getAcceptedIssuers() { return new java.security.cert.X509Certificate[0]; }
            } }, null);
            HttpsURLConnection.setDefaultSSLSocketFactory(ctx.getSocketFactory());
            resp.setStatus(204);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
