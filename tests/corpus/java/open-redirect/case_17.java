import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.view.RedirectView;

@RestController
class CampaignController {
    @GetMapping("/c/{id}")
    public RedirectView track(@PathVariable String id, @RequestParam String dest) {
        System.out.println("click " + id);
        return new RedirectView(dest);
    }
}
