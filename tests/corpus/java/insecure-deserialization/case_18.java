import com.fasterxml.jackson.databind.ObjectMapper;
import javax.servlet.http.*;

class LegacyApiServlet extends HttpServlet {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.enableDefaultTyping();
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Object payload = MAPPER.readValue(req.getReader(), Object.class);
        resp.getWriter().println(payload.getClass());
    }
}
