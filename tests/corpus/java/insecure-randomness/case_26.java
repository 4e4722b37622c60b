import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.bind.annotation.*;

@RestController
class RetryController {
    @PostMapping("/jobs/{id}/retry")
    public long retry(@PathVariable long id) throws InterruptedException {
        long jitter = ThreadLocalRandom.current().nextLong(50, 250);
        Thread.sleep(jitter);
        return jitter;
    }
}
