import javax.servlet.http.*;

class ScriptServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String callback = req.getParameter("cb");
        String lang = req.getParameter("lang");
        resp.setContentType("text/html");
        resp.getWriter().println("<script>var lang = '" + lang + "'; " + callback + "(lang);</script>");
    }
}
