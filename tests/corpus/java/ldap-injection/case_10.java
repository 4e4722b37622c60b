import org.springframework.ldap.core.LdapTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class AuthController {
    private final LdapTemplate ldapTemplate;

    AuthController(LdapTemplate ldapTemplate) { this.ldapTemplate = ldapTemplate; }

    @PostMapping("/auth")
    public boolean auth(@RequestParam String username, @RequestParam String password) {
        return ldapTemplate.authenticate("ou=people", "(uid=" + username + ")", password);
    }
}
