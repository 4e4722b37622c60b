import java.util.SplittableRandom;
import org.springframework.web.bind.annotation.*;

@RestController
class PinController {
    private final SplittableRandom random = new SplittableRandom();

    @PostMapping("/cards/{id}/pin")
    public String pin(@PathVariable long id) {
        int pin = random.nextInt(10000);
        return String.format("%04d", pin);
    }
}
