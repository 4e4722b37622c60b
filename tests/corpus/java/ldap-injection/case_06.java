import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.web.bind.annotation.*;

@RestController
class LoginController {
    private final DirContext dir;

    LoginController(DirContext dir) { this.dir = dir; }

    private String filterFor(String name, String dept) {
        return "(&(uid=" + name + ")(departmentNumber=" + dept + "))";
    }

    @PostMapping("/login/check")
    public boolean check(@RequestParam String name, @RequestParam String dept) throws Exception {
        return dir.search("dc=corp", filterFor(name, dept), new SearchControls()).hasMore();
    }
}
