import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.stereotype.Controller;

@Controller
class ProfileController {
    @PostMapping("/profile/save")
    public String save(@RequestParam String name, @RequestParam String from, RedirectAttributes attrs) {
        attrs.addFlashAttribute("saved", name);
        String view = "redirect:" + from;
        return view;
    }
}
