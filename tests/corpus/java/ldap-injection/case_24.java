import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.filter.AndFilter;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.web.bind.annotation.*;

@RestController
class AuthController {
    private final LdapTemplate ldapTemplate;

    AuthController(LdapTemplate ldapTemplate) { this.ldapTemplate = ldapTemplate; }

    @PostMapping("/auth")
    public boolean auth(@RequestParam String username, @RequestParam String password) {
        AndFilter filter = new AndFilter();
        filter.and(new EqualsFilter("objectClass", "person")).and(new EqualsFilter("uid", username));
        return ldapTemplate.authenticate("ou=people", filter.encode(), password);
    }
}
