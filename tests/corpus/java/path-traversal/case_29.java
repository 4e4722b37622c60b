import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.*;

@RestController
class ReportController {
    private static final Path ROOT = Paths.get("/var/reports").toAbsolutePath().normalize();

    @GetMapping("/reports/{name}")
    public byte[] report(@PathVariable String name) throws Exception {
        Path p = ROOT.resolve(name).normalize();
        if (!p.startsWith(ROOT)) {
            throw new SecurityException("path escapes the report folder");
        }
        return Files.readAllBytes(p);
    }
}
