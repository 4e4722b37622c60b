import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
class SearchController {
    @GetMapping(value = "/search", produces = "text/html")
    @ResponseBody
    public String search(@RequestParam String q) {
        return "<p>No results for <b>" + q + "</b></p>";
    }
}
