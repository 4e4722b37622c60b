import org.springframework.web.bind.annotation.*;

@RestController
class ArchiveController {
    @GetMapping("/archive")
    public String archive(@RequestParam String name) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("tar", "czf", "/var/backups/out.tgz", "--", name);
        pb.start().waitFor();
        return "done";
    }
}
