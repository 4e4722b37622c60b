import jakarta.servlet.http.*;

class LangServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String lang = req.getParameter("lang");
        String code = "de".equals(lang) ? "de" : "en";
        resp.sendRedirect("/" + code + "/index.html");
    }
}
