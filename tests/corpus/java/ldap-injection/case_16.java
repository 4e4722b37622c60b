import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.*;

@RestController
class DirectoryController {
    private final LdapTemplate ldap;

    DirectoryController(LdapTemplate ldap) { this.ldap = ldap; }

    @GetMapping("/directory")
    public Object find(@RequestParam String mail) {
        String filter = "(&(objectClass=person)(mail=" + LdapEncoder.filterEncode(mail) + "))";
        return ldap.search("ou=people", filter, (AttributesMapper<Object>) attrs -> attrs.get("cn").get());
    }
}
