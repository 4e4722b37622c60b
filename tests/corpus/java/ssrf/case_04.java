import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.reactive.function.client.WebClient;

@RestController
class NotifyController {
    @PostMapping("/notify")
    public String notify(@RequestParam String hook, @RequestParam String msg) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("url", hook);
        return WebClient.create(cfg.get("url")).post().bodyValue(msg).retrieve().bodyToMono(String.class).block();
    }
}
