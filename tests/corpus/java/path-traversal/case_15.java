import java.io.FileInputStream;
import java.util.Map;
import java.util.Properties;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ConfigServlet extends HttpServlet {
    private static final Map<String, String> PROFILES = Map.of("dev", "/etc/app/dev.properties", "prod", "/etc/app/prod.properties");

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String path = PROFILES.getOrDefault(req.getParameter("profile"), "/etc/app/dev.properties");
        Properties props = new Properties();
        try (FileInputStream in = new FileInputStream(path)) {
            props.load(in);
        }
        resp.getWriter().println(props.getProperty("title"));
    }
}
