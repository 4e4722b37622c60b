import java.io.FileWriter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class NoteController {
    @PostMapping("/notes/{title}")
    public String save(@PathVariable String title, @RequestBody String text) throws Exception {
        Map<String, String> meta = new HashMap<>();
        meta.put("file", title + ".txt");
        try (FileWriter w = new FileWriter("/srv/notes/" + meta.get("file"))) {
            w.write(text);
        }
        return "saved";
    }
}
