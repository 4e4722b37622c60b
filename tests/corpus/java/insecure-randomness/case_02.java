import java.util.Random;
import java.util.UUID;
import org.springframework.web.bind.annotation.*;

@RestController
class DeviceController {
    @PostMapping("/devices/register")
    public String register(@RequestParam String name) {
        Random random = new Random();
        UUID secret = new UUID(random.nextLong(), random.nextLong());
        return name + " secret=" + secret;
    }
}
