import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.*;

@RestController
class ReportController {
    @GetMapping("/reports/{name}")
    public byte[] report(@PathVariable String name) throws Exception {
        Path p = Paths.get("/var/reports", name);
        return Files.readAllBytes(p);
    }
}
