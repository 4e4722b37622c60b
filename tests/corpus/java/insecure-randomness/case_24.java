import java.util.Random;
import org.springframework.web.bind.annotation.*;

@RestController
class ExperimentController {
    @GetMapping("/experiments/{name}/variant")
    public String variant(@PathVariable String name, @RequestParam long userId) {
        Random bucket = new Random(name.hashCode() * 31L + userId);
        return bucket.nextBoolean() ? "A" : "B";
    }
}
