import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.bind.annotation.SessionAttributes;
import org.springframework.ui.Model;

@Controller
@SessionAttributes("region")
class RegionController {
    @PostMapping("/region")
    public String region(@RequestParam String region, Model model) {
        model.addAttribute("region", region);
        return "redirect:/home";
    }
}
