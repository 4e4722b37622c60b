import org.springframework.web.bind.annotation.*;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

@RestController
class BioController {
    @PostMapping(value = "/bio/preview", produces = "text/html")
    public String preview(@RequestParam String bio) {
        String cleaned = Jsoup.clean(bio, Safelist.basic());
        return "<section>" + cleaned + "</section>";
    }
}
