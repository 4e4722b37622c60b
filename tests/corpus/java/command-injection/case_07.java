import org.springframework.web.bind.annotation.*;

@RestController
class NetController {
    @GetMapping("/net/dig")
    public String dig(@RequestParam String name) throws Exception {
        String cmd = "dig +short example.org";
        String logged = "lookup requested for " + name;
        System.out.println(logged);
        return new String(Runtime.getRuntime().exec(cmd).getInputStream().readAllBytes());
    }
}
