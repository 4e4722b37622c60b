import com.google.gson.Gson;
import javax.servlet.http.*;

class LayoutServlet extends HttpServlet {
    static class Layout {
        String theme;
        int columns;
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Layout layout = new Gson().fromJson(req.getReader(), Layout.class);
        resp.getWriter().println(layout.theme + "/" + layout.columns);
    }
}
