import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.*;

@RestController
class EventController {
    record Event(String type, long at) {}

    private final ObjectMapper mapper = new ObjectMapper();

    @PostMapping("/events")
    public String event(@RequestBody String json) throws Exception {
        Event event = mapper.readValue(json, Event.class);
        return event.type();
    }
}
