import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.*;

@RestController
class WidgetController {
    private final ObjectMapper mapper = new ObjectMapper();

    @PostMapping("/widgets/preview")
    public String preview(@RequestBody String body) throws Exception {
        JsonNode node = mapper.readTree(body);
        return "widget " + node.path("title").asText();
    }
}
