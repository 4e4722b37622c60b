import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.web.bind.annotation.*;

@RestController
class PrinterController {
    private final DirContext ctx;

    PrinterController(DirContext ctx) { this.ctx = ctx; }

    @GetMapping("/printers")
    public boolean printers(@RequestParam String location) throws Exception {
        String filter = "(&(objectClass=printer)(l=%s))".formatted(location);
        return ctx.search("ou=devices,dc=corp", filter, new SearchControls()).hasMore();
    }
}
