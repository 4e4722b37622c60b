import javax.naming.directory.*;
import javax.servlet.http.*;

class PhoneServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String who = req.getParameter("who");
        SearchControls sc = new SearchControls();
        sc.setReturningAttributes(new String[] {"telephoneNumber"});
        try {
            ctx.search("ou=staff,dc=corp", "(&(telephoneNumber=*)(sn={0}))", new Object[] {who}, sc);
        } catch (javax.naming.NamingException e) {
            resp.sendError(500);
        }
    }
}
