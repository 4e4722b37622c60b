import org.springframework.web.bind.annotation.*;

@RestController
class ScriptController {
    @PostMapping("/jobs/run")
    public String run(@RequestHeader("X-Job") String job) throws Exception {
        String script = "/opt/jobs/" + job + ".sh";
        Process p = new ProcessBuilder("sh", "-c", script + " --verbose").start();
        return String.valueOf(p.waitFor());
    }
}
