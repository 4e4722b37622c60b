import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.util.HtmlUtils;

@Controller
class SearchController {
    @GetMapping(value = "/search", produces = "text/html")
    @ResponseBody
    public String search(@RequestParam String q) {
        return "<p>No results for <b>" + HtmlUtils.htmlEscape(q) + "</b></p>";
    }
}
