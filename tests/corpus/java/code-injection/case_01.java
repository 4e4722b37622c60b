import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class CalcServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        Bindings vars = engine.createBindings();
        vars.put("qty", Integer.parseInt(req.getParameter("qty")));
        try {
            resp.getWriter().println(engine.eval("qty * 9.99", vars));
        } catch (javax.script.ScriptException e) {
            resp.sendError(400);
        }
    }
}
