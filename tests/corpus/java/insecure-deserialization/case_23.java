import java.io.StringReader;
import java.util.Properties;
import org.springframework.web.bind.annotation.*;

@RestController
class SettingsController {
    @PostMapping(value = "/settings/import", consumes = "text/plain")
    public int importSettings(@RequestBody String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p.size();
    }
}
