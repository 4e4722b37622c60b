import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ConditionServlet extends HttpServlet {
    private static final ScriptEngineManager MANAGER = new ScriptEngineManager();

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String cond = String.format("if (%s) 'yes'; else 'no';", req.getParameter("cond"));
        ScriptEngine se = MANAGER.getEngineByName("js");
        try {
            resp.getWriter().write(String.valueOf(se.eval(cond)));
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
