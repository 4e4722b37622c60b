import org.yaml.snakeyaml.Yaml;
import javax.servlet.http.*;

class ConfigUploadServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String body = new String(req.getInputStream().readAllBytes(), "UTF-8");
        Yaml yaml = new Yaml();
        Object cfg = yaml.load(body);
        resp.getWriter().println("keys: " + cfg);
    }
}
