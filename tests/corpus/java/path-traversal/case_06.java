import java.io.FileWriter;
import org.springframework.web.bind.annotation.*;

@RestController
class NoteController {
    @PostMapping("/notes/{title}")
    public String save(@PathVariable String title, @RequestBody String text) throws Exception {
        String file = "/srv/notes/" + Integer.toHexString(title.hashCode()) + ".txt";
        try (FileWriter w = new FileWriter(file)) {
            w.write(title + "\n" + text);
        }
        return "saved";
    }
}
