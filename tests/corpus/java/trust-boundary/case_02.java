import javax.servlet.http.*;

class WizardServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        int seats = Integer.parseInt(req.getParameter("seats"));
        if (seats < 1 || seats > 500) {
            resp.sendError(400, "seats must be 1-500");
            return;
        }
        req.getSession().setAttribute("seats", seats);
        resp.sendRedirect("/wizard/2");
    }
}
