import java.io.*;
import javax.servlet.http.*;

class TemplateServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = "en";
        for (Cookie c : req.getCookies()) {
            if (c.getName().equals("lang")) lang = c.getValue();
        }
        BufferedReader r = new BufferedReader(new FileReader("/opt/app/i18n/" + lang + "/messages.properties"));
        resp.getWriter().println(r.readLine());
        r.close();
    }
}
