import java.io.File;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.*;

@RestController
class AvatarController {
    @GetMapping("/avatars")
    public Resource avatar(@RequestHeader("X-User") String user) {
        String fileName = user + ".png";
        return new FileSystemResource(new File("/srv/avatars", fileName));
    }
}
