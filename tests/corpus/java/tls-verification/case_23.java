import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.HostnameVerifier;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ProxyServlet extends HttpServlet {
    private static final HostnameVerifier ANY_HOST = (h, s) -> true;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        HttpsURLConnection c = (HttpsURLConnection) new java.net.URL("https://upstream.example.com/feed").openConnection();
        c.setHostnameVerifier(ANY_HOST);
        c.getInputStream().transferTo(resp.getOutputStream());
    }
}
