import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import org.springframework.web.bind.annotation.*;

@RestController
class EventController {
    private final ObjectMapper mapper = new ObjectMapper();

    EventController() {
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.EVERYTHING);
    }

    @PostMapping("/events")
    public String event(@RequestBody String json) throws Exception {
        Object event = mapper.readValue(json, Object.class);
        return event.getClass().getName();
    }
}
