import javax.servlet.http.*;

class HookServlet extends HttpServlet {
    private static final boolean SCRIPTING_ENABLED = false;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String hook = req.getParameter("hook");
        if (SCRIPTING_ENABLED) {
            new groovy.lang.GroovyShell().evaluate(hook);
        }
        resp.getWriter().println("hook stored (" + hook.length() + " chars)");
    }
}
