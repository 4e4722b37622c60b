import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class VersionServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String name = req.getParameter("engine");
        ScriptEngine se = new ScriptEngineManager().getEngineByName("js");
        resp.getWriter().println("asked for " + name);
        try {
            resp.getWriter().println(se.eval("'engine ' + (1 + 1)"));
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
