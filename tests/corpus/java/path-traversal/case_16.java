import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.web.bind.annotation.*;

@RestController
class ExportController {
    @PostMapping("/export")
    public String export(@RequestBody Map<String, String> body) throws Exception {
        String dest = body.get("destination");
        Files.writeString(Path.of("/srv/exports", dest), "id,total\n1,20\n");
        return "written";
    }
}
