import java.util.Map;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.AbstractContextMapper;
import org.springframework.web.bind.annotation.*;

@RestController
class MemberController {
    private final LdapTemplate template;

    MemberController(LdapTemplate template) { this.template = template; }

    @PostMapping("/members/search")
    public Object search(@RequestBody Map<String, String> body) {
        String uid = body.get("uid");
        return template.search("", "uid=" + uid, new AbstractContextMapper<String>() {
            protected String doMapFromContext(org.springframework.ldap.core.DirContextOperations c) {
                return c.getNameInNamespace();
            }
        });
    }
}
