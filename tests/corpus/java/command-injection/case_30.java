import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ArchiveController {
    @GetMapping("/archive")
    public String archive(@RequestParam String name) throws Exception {
        Runtime r = Runtime.getRuntime();
        String cmd = "tar czf /var/backups/out.tgz " + name;
        r.exec(cmd).waitFor();
        return "done";
    }
}
