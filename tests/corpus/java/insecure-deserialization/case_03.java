import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class TokenServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try (JsonReader r = Json.createReader(req.getReader())) {
            JsonObject obj = r.readObject();
            resp.getWriter().println(obj.getString("state", "none"));
        }
    }
}
