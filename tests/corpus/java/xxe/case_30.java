import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class SnippetServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String snippet = req.getHeader("X-Snippet");
        var obj = JsonParser.parseString(snippet).getAsJsonObject();
        resp.getWriter().println(obj.get("text").getAsString());
    }
}
