import java.io.File;
import org.springframework.web.bind.annotation.*;

@RestController
class FolderController {
    @GetMapping("/folders/list")
    public String[] list(@RequestParam String dir) {
        StringBuilder sb = new StringBuilder("/srv/share/");
        sb.append(dir);
        return new File(sb.toString()).list();
    }
}
