import java.util.Set;
import javax.servlet.http.*;

class PrefsServlet extends HttpServlet {
    private static final Set<String> THEMES = Set.of("light", "dark", "contrast");

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String theme = req.getParameter("theme");
        if (!THEMES.contains(theme)) {
            resp.sendError(400, "unknown theme");
            return;
        }
        req.getSession().setAttribute("theme", theme);
        resp.sendRedirect("/dashboard");
    }
}
