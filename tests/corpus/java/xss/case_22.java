import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
class FeedbackController {
    private String row(String label, String value) {
        return "<tr><th>" + label + "</th><td>" + value + "</td></tr>";
    }

    @PostMapping(value = "/feedback", produces = "text/html")
    @ResponseBody
    public String submit(@RequestParam String email, @RequestParam String comment) {
        return "<table>" + row("Email", email) + row("Comment", comment) + "</table>";
    }
}
