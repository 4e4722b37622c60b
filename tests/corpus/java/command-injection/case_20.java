import org.springframework.web.bind.annotation.*;

@RestController
class GitController {
    @PostMapping("/clone")
    public String clone(@RequestBody RepoRequest body) throws Exception {
        StringBuilder sb = new StringBuilder("git clone ");
        sb.append(body.url).append(" /srv/repos/tmp");
        new ProcessBuilder("bash", "-c", sb.toString()).inheritIO().start();
        return "started";
    }

    static class RepoRequest {
        public String url;
    }
}
