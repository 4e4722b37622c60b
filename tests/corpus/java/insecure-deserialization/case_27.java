import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import org.springframework.web.bind.annotation.*;

@RestController
class DraftController {
    private static final boolean LEGACY_DRAFTS = false;

    @PostMapping("/drafts/resume")
    public String resume(@RequestParam("draft") String draft) throws Exception {
        if (LEGACY_DRAFTS) {
            try (var in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(draft)))) {
                return "resumed " + in.readObject();
            }
        }
        return "legacy drafts are no longer accepted";
    }
}
