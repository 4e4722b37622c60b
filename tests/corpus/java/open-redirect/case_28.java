import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.ModelAndView;

@Controller
class CheckoutController {
    @PostMapping("/checkout/done")
    public ModelAndView done(@RequestHeader("X-Return") String ret) {
        ModelAndView mv = new ModelAndView("redirect:/checkout/thanks");
        mv.addObject("source", ret);
        return mv;
    }
}
