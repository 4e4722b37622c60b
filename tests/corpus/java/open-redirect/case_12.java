import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
class LogoutController {
    @GetMapping("/logout")
    public String logout(@RequestParam("returnTo") String returnTo) {
        return "redirect:" + returnTo;
    }
}
