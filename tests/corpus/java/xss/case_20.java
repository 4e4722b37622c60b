import jakarta.servlet.http.*;

class CountServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String q = req.getParameter("q");
        resp.setContentType("text/html");
        resp.getWriter().println("<p>Your query had " + q.length() + " characters</p>");
    }
}
