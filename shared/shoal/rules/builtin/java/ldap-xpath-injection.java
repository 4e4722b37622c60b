package com.example.directory;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServletRequest;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQueryBuilder;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;

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
        ctx.search("ou=people", "(uid=" + org.owasp.esapi.ESAPI.encoder().encodeForLDAP(user) + ")", new SearchControls());
        // ok: ldap-injection/java-tainted-filter
        return ctx.search("ou=people", "(objectClass=person)", new SearchControls());
    }

    private LdapTemplate ldap;
    private LDAPConnection conn;

    public Object more(HttpServletRequest request) throws Exception {
        String uid = request.getParameter("uid");
        // ruleid: ldap-injection/java-tainted-filter
        Object a = conn.search("dc=corp", SearchScope.SUB, "(uid=" + uid + ")", "cn");
        // ok: ldap-injection/java-tainted-filter
        Object b = conn.search("dc=corp", SearchScope.SUB, Filter.createEqualityFilter("uid", uid), "cn");
        // ruleid: ldap-injection/java-tainted-filter
        boolean ok = ldap.authenticate("ou=people", "(uid=" + uid + ")", request.getParameter("password"));
        // ruleid: ldap-injection/java-tainted-filter
        Object q = LdapQueryBuilder.query().filter("(role=" + uid + ")");
        return a + "" + b + ok + q;
    }
}
