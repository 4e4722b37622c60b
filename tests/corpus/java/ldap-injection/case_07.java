import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.web.bind.annotation.*;

@RestController
class RoleController {
    private final LdapTemplate ldap;

    RoleController(LdapTemplate ldap) { this.ldap = ldap; }

    @GetMapping("/roles")
    public Object roles(@RequestHeader("X-Role") String role) {
        return ldap.search(LdapQueryBuilder.query().filter("(role=" + role + ")"),
            (org.springframework.ldap.core.AttributesMapper<Object>) a -> a.get("cn").get());
    }
}
