import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ProfileController {
    @PostMapping("/profile/save")
    public String save(@RequestParam String name, @RequestParam String from, RedirectAttributes attrs) {
        attrs.addFlashAttribute("saved", name);
        attrs.addAttribute("from", from);
        return "redirect:/profile";
    }
}
