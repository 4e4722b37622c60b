import javax.servlet.http.*;

class VisitServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        HttpSession s = req.getSession();
        Integer visits = (Integer) s.getAttribute("visits");
        s.setAttribute("visits", visits == null ? 1 : visits + 1);
        resp.getWriter().println("hello " + req.getParameter("name").length());
    }
}
