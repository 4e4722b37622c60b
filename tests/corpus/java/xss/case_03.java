import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;

@Controller
class ProfileController {
    @GetMapping("/profile")
    public String profile(@RequestParam String nick, Model model) {
        model.addAttribute("nick", nick);
        return "profile";
    }
}
