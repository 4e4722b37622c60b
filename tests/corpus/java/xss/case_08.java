import javax.servlet.http.*;

class LangServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String lang = req.getParameter("lang");
        if (!"en".equals(lang) && !"de".equals(lang)) {
            lang = "en";
        }
        resp.setContentType("text/html");
        resp.getWriter().println("<html lang=\"" + lang + "\"><body>Hello</body></html>");
    }
}
