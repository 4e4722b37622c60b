import java.util.List;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.*;

@RestController
class TeamController {
    private final DirContext ctx;

    TeamController(DirContext ctx) { this.ctx = ctx; }

    @GetMapping("/teams")
    public boolean teams(@RequestParam List<String> names) throws Exception {
        StringBuilder f = new StringBuilder("(|");
        for (String n : names) f.append("(cn=").append(LdapEncoder.filterEncode(n)).append(")");
        return ctx.search("ou=teams,dc=corp", f.append(")").toString(), new SearchControls()).hasMore();
    }
}
