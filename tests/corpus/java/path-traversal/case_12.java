import java.io.File;
import org.springframework.web.bind.annotation.*;

@RestController
class FolderController {
    @GetMapping("/folders/list")
    public String[] list(@RequestParam String dir) {
        String folder = dir;
        folder = "/srv/share/public";
        return new File(folder).list();
    }
}
