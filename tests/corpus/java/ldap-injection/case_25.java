import java.util.ArrayList;
import java.util.List;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.web.bind.annotation.*;

@RestController
class TeamController {
    private final DirContext ctx;

    TeamController(DirContext ctx) { this.ctx = ctx; }

    @GetMapping("/teams")
    public int teams(@RequestParam List<String> names) throws Exception {
        List<String> terms = new ArrayList<>();
        for (String n : names) terms.add("(cn=" + n + ")");
        String filter = "(|" + String.join("", terms) + ")";
        return ctx.search("ou=teams,dc=corp", filter, new SearchControls()).hasMore() ? 1 : 0;
    }
}
