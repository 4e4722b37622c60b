import java.io.File;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.nio.file.Files;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ImportController {
    @PostMapping("/import")
    public int importZip(@RequestParam MultipartFile archive) throws Exception {
        int n = 0;
        try (ZipInputStream zin = new ZipInputStream(archive.getInputStream())) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; n++) {
                File out = new File("/srv/import", e.getName());
                Files.copy(zin, out.toPath());
            }
        }
        return n;
    }
}
