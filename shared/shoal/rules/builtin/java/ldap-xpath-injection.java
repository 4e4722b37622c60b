package com.example.directory;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServletRequest;
import org.springframework.ldap.support.LdapEncoder;

public class Directory {

    private DirContext ctx;

    public Object find(HttpServletRequest request) throws Exception {
        String user = request.getParameter("user");
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        // ruleid: ldap-injection/java-tainted-filter
        Object found = ctx.search("ou=people", filter, new SearchControls());
        // ok: ldap-injection/java-tainted-filter
        ctx.search("ou=people", "(uid=" + LdapEncoder.filterEncode(user) + ")", new SearchControls());
        // ok: ldap-injection/java-tainted-filter
        return ctx.search("ou=people", "(objectClass=person)", new SearchControls());
    }
}
