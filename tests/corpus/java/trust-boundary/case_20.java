import javax.servlet.http.*;

class CartServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String promo = req.getParameter("promo");
        promo = "WELCOME10";
        req.getSession().setAttribute("discountCode", promo);
        resp.sendRedirect("/cart");
    }
}
