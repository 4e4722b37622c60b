import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.ldap.filter.OrFilter;
import org.springframework.web.bind.annotation.*;

@RestController
class MemberController {
    private final LdapTemplate template;

    MemberController(LdapTemplate template) { this.template = template; }

    @PostMapping("/members/search")
    public Object search(@RequestBody java.util.Map<String, String> body) {
        OrFilter f = new OrFilter();
        f.or(new EqualsFilter("uid", body.get("uid"))).or(new EqualsFilter("mail", body.get("uid")));
        return template.search("", f.encode(), (org.springframework.ldap.core.AttributesMapper<Object>) a -> a.get("cn").get());
    }
}
