import javax.naming.directory.*;
import javax.servlet.http.*;

class PhoneServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String who = "";
        for (Cookie c : req.getCookies()) {
            if (c.getName().equals("who")) who = c.getValue();
        }
        StringBuilder f = new StringBuilder("(telephoneNumber=*)(sn=");
        f.append(who).append(")");
        try {
            ctx.search("ou=staff,dc=corp", "(&" + f + ")", new SearchControls());
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
