import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.HostnameVerifier;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ProxyServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        HttpsURLConnection c = (HttpsURLConnection) new java.net.URL("https://upstream.example.com/feed").openConnection();
        HostnameVerifier standard = HttpsURLConnection.getDefaultHostnameVerifier();
        c.setHostnameVerifier((h, s) -> "upstream.example.com".equals(h) && standard.verify(h, s));
        c.getInputStream().transferTo(resp.getOutputStream());
    }
}
