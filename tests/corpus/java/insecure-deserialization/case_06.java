import java.io.ObjectInputStream;
import java.io.ObjectInputFilter;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class BackupController {
    @PostMapping("/backups/upload")
    public String upload(@RequestParam("file") MultipartFile file) throws Exception {
        try (ObjectInputStream ois = new ObjectInputStream(file.getInputStream())) {
            ois.setObjectInputFilter(info -> info.serialClass() == null
                || info.serialClass().getName().startsWith("com.example.backup.")
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED);
            return "backup of " + ois.readObject();
        }
    }
}
