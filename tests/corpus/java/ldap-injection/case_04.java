import org.springframework.ldap.core.LdapTemplate;
import org.springframework.web.bind.annotation.*;
import static org.springframework.ldap.query.LdapQueryBuilder.query;

@RestController
class RoleController {
    private final LdapTemplate ldap;

    RoleController(LdapTemplate ldap) { this.ldap = ldap; }

    @GetMapping("/roles")
    public Object roles(@RequestHeader("X-Role") String role) {
        return ldap.search(query().base("ou=roles").where("role").is(role),
            (org.springframework.ldap.core.AttributesMapper<Object>) a -> a.get("cn").get());
    }
}
