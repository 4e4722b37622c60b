import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.springframework.web.bind.annotation.*;

@RestController
class ShapeController {
    private final ObjectMapper mapper = new ObjectMapper();

    ShapeController() {
        var ptv = BasicPolymorphicTypeValidator.builder().allowIfSubType("com.example.shapes.").build();
        mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
    }

    @PostMapping("/shapes")
    public String shape(@RequestBody String json) throws Exception {
        return mapper.readValue(json, Object.class).toString();
    }
}
