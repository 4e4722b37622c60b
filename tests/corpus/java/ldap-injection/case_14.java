import java.util.Map;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.web.bind.annotation.*;

@RestController
class PrinterController {
    private static final Map<String, String> SITES = Map.of("oslo", "OSL-1", "berlin", "BER-2");
    private final DirContext ctx;

    PrinterController(DirContext ctx) { this.ctx = ctx; }

    @GetMapping("/printers")
    public boolean printers(@RequestParam String location) throws Exception {
        String site = SITES.getOrDefault(location, "OSL-1");
        return ctx.search("ou=devices,dc=corp", "(&(objectClass=printer)(l=" + site + "))", new SearchControls()).hasMore();
    }
}
