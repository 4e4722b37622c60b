import java.io.InputStream;
import org.springframework.web.bind.annotation.*;

@RestController
class ExportController {
    @GetMapping("/export/{id}")
    public byte[] export(@PathVariable long id) throws Exception {
        String name = "/srv/exports/export-" + id + ".csv";
        try (InputStream in = new java.io.FileInputStream(name)) {
            return in.readAllBytes();
        }
    }
}
