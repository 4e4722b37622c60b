import javax.servlet.http.*;

class GatewayServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String target = req.getParameter("success_url");
        target = "/payments/complete";
        resp.sendRedirect(target);
    }
}
