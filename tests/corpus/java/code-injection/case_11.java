import javax.script.ScriptEngineManager;
import javax.script.Invocable;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class PluginServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String body = new String(req.getInputStream().readAllBytes());
        var engine = new ScriptEngineManager().getEngineByName("graal.js");
        try {
            engine.eval(body);
            resp.getWriter().println(((Invocable) engine).invokeFunction("main"));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
