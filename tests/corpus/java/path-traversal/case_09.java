import java.io.FileOutputStream;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class UploadController {
    @PostMapping("/upload")
    public String upload(@RequestParam("file") MultipartFile file) throws Exception {
        String target = "/srv/uploads/" + file.getOriginalFilename();
        try (FileOutputStream out = new FileOutputStream(target)) {
            out.write(file.getBytes());
        }
        return "stored";
    }
}
