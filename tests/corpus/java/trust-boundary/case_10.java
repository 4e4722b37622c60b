import javax.servlet.http.*;

class HistoryServlet extends HttpServlet {
    private static final boolean TRACK_PAGES = false;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String page = req.getParameter("page");
        if (TRACK_PAGES) {
            req.getSession().setAttribute("lastPage", page);
        }
        resp.setStatus(204);
    }
}
