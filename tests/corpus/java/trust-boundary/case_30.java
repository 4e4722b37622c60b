import javax.servlet.http.*;

class CartServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String discount = null;
        for (Cookie c : req.getCookies()) {
            if (c.getName().equals("promo")) discount = c.getValue();
        }
        req.getSession().setAttribute("discountCode", discount);
        resp.sendRedirect("/cart");
    }
}
