import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class CalcServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String expr = req.getParameter("expr");
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        try {
            resp.getWriter().println(engine.eval(expr));
        } catch (javax.script.ScriptException e) {
            resp.sendError(400);
        }
    }
}
