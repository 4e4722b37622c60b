import java.io.*;
import javax.servlet.http.*;

class TemplateServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = req.getParameter("lang");
        if (lang == null || !lang.matches("^[a-z]{2}$")) lang = "en";
        try (BufferedReader r = new BufferedReader(new FileReader("/opt/app/i18n/" + lang + "/messages.properties"))) {
            resp.getWriter().println(r.readLine());
        }
    }
}
