import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.view.RedirectView;

@RestController
class OrderController {
    @PostMapping("/orders/{id}/pay")
    public RedirectView pay(@PathVariable long id) {
        return new RedirectView("/orders/" + id + "/receipt");
    }
}
