import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

class StartupListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        HostnameVerifier standard = HttpsURLConnection.getDefaultHostnameVerifier();
        HttpsURLConnection.setDefaultHostnameVerifier((String hostname, SSLSession session) ->
            hostname.endsWith(".example.com") && standard.verify(hostname, session));
    }
}
