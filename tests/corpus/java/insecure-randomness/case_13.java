import java.util.Random;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
class TipController {
    private static final List<String> TIPS = List.of("Use keyboard shortcuts", "Pin your favourite boards", "Try dark mode");

    @GetMapping("/tips/random")
    public String tip() {
        return TIPS.get(new Random().nextInt(TIPS.size()));
    }
}
