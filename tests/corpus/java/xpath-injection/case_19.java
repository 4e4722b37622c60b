import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class ConfigController {
    private final Document settings;
    private final XPath xp = XPathFactory.newInstance().newXPath();

    ConfigController(Document settings) { this.settings = settings; }

    private String pathFor(String section, String key) {
        return "/config/" + section + "/" + key;
    }

    @GetMapping("/config/{section}/{key}")
    public String read(@PathVariable String section, @PathVariable String key) throws Exception {
        return xp.evaluate(pathFor(section, key), settings);
    }
}
