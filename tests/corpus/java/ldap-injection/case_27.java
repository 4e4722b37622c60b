import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.web.bind.annotation.*;

@RestController
class BadgeController {
    private final DirContext ctx;

    BadgeController(DirContext ctx) { this.ctx = ctx; }

    @GetMapping("/badges/{badge}")
    public boolean badge(@PathVariable String badge) throws Exception {
        long number = Long.parseLong(badge);
        return ctx.search("ou=staff,dc=corp", "(employeeNumber=" + number + ")", new SearchControls()).hasMore();
    }
}
