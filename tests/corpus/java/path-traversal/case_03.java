import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ImportController {
    @PostMapping("/import")
    public int importZip(@RequestParam MultipartFile archive) throws Exception {
        Path dest = Path.of("/srv/import").toRealPath();
        int n = 0;
        try (ZipInputStream zin = new ZipInputStream(archive.getInputStream())) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; n++) {
                Path out = dest.resolve(e.getName()).normalize();
                if (!out.startsWith(dest)) throw new SecurityException("entry outside target: " + e.getName());
                Files.copy(zin, out);
            }
        }
        return n;
    }
}
