import org.apache.commons.lang3.SerializationUtils;
import java.util.Base64;
import org.springframework.web.bind.annotation.*;

@RestController
class DraftController {
    @PostMapping("/drafts/resume")
    public String resume(@RequestParam("draft") String draft) {
        Object restored = SerializationUtils.deserialize(Base64.getDecoder().decode(draft));
        return "resumed " + restored;
    }
}
