import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.*;

@RestController
class SearchController {
    @GetMapping("/search")
    public String search(@RequestParam String q, HttpServletRequest request) {
        request.setAttribute("query", q);
        return "searching for " + q.length() + " chars";
    }
}
