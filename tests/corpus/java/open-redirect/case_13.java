import javax.servlet.http.*;

class CookieReturnServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String back = "/";
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (c.getName().equals("return_url")) back = c.getValue();
            }
        }
        if (!back.matches("^/[A-Za-z0-9/_-]*$")) {
            back = "/";
        }
        resp.sendRedirect(back);
    }
}
