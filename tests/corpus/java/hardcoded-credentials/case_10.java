import javax.naming.Context;
import javax.naming.directory.InitialDirContext;
import java.util.Hashtable;
import javax.servlet.http.*;

class DirectoryServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldaps://ldap.corp.example.com");
        env.put(Context.SECURITY_PRINCIPAL, "cn=svc-portal,ou=services,dc=corp");
        env.put(Context.SECURITY_CREDENTIALS, "P0rtal#Bind!");
        try {
            new InitialDirContext(env).close();
        } catch (javax.naming.NamingException e) {
            resp.sendError(502);
        }
    }
}
