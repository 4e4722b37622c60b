import java.io.ObjectInputStream;
import java.io.InputStream;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class BackupController {
    private Object decode(InputStream in) throws Exception {
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            return ois.readObject();
        }
    }

    @PostMapping("/backups/upload")
    public String upload(@RequestParam("file") MultipartFile file) throws Exception {
        return "backup of " + decode(file.getInputStream());
    }
}
