import jakarta.servlet.http.*;

class LangServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String lang = req.getParameter("lang");
        String page = req.getParameter("page");
        resp.sendRedirect(String.format("%s?lang=%s", page, lang));
    }
}
