import org.springframework.web.bind.annotation.*;

@RestController
class ApiKeyController {
    @PostMapping("/api-keys")
    public String create() {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            key.append(Integer.toHexString((int) (Math.random() * 16)));
        }
        return key.toString();
    }
}
