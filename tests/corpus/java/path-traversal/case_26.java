import java.io.FileInputStream;
import java.util.Properties;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ConfigServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String profile = req.getParameter("profile");
        String path = String.format("/etc/app/%s.properties", profile);
        Properties props = new Properties();
        props.load(new FileInputStream(path));
        resp.getWriter().println(props.getProperty("title"));
    }
}
