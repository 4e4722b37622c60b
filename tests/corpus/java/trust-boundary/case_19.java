import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.*;

@RestController
class ImpersonationController {
    @GetMapping("/support/as/{userId}")
    public String as(@PathVariable String userId, HttpServletRequest request) {
        request.getSession().setAttribute("userId", userId);
        return "now acting as " + userId.length();
    }
}
