import java.util.Set;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class ConfigController {
    private static final Set<String> KEYS = Set.of("timeout", "retries", "region");
    private final Document settings;

    ConfigController(Document settings) { this.settings = settings; }

    @GetMapping("/config/{key}")
    public String read(@PathVariable String key) throws Exception {
        if (!KEYS.contains(key)) return "unknown key";
        XPath xp = XPathFactory.newInstance().newXPath();
        return xp.evaluate("/config/service/" + key, settings);
    }
}
