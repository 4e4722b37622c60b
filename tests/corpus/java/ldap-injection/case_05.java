import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.web.bind.annotation.*;

@RestController
class LoginController {
    private final DirContext dir;

    LoginController(DirContext dir) { this.dir = dir; }

    @PostMapping("/login/check")
    public boolean check(@RequestParam String name, @RequestParam String dept) throws Exception {
        Object[] args = {name, dept};
        return dir.search("dc=corp", "(&(uid={0})(departmentNumber={1}))", args, new SearchControls()).hasMore();
    }
}
