import javax.servlet.http.*;

class ProfileServlet extends HttpServlet {
    private String card(String nick) {
        return "<div class=\"card\"><span>" + nick + "</span></div>";
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String nick = "guest";
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) if ("nick".equals(c.getName())) nick = c.getValue();
        }
        resp.setContentType("text/html");
        resp.getWriter().print(card(nick));
    }
}
