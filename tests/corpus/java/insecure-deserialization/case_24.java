import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.*;

@RestController
class WidgetController {
    @PostMapping("/widgets/state")
    public String state(@RequestParam String xml) {
        try (XMLDecoder d = new XMLDecoder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            return String.valueOf(d.readObject());
        }
    }
}
