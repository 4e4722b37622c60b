import java.io.FileOutputStream;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class UploadController {
    @PostMapping("/upload")
    public String upload(@RequestParam("file") MultipartFile file) throws Exception {
        String name = Paths.get(file.getOriginalFilename()).getFileName().toString();
        try (FileOutputStream out = new FileOutputStream("/srv/uploads/" + name)) {
            out.write(file.getBytes());
        }
        return "stored";
    }
}
