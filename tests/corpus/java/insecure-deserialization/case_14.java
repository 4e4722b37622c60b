import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.web.bind.annotation.*;

@RestController
class PipelineController {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @PostMapping(value = "/pipelines", consumes = "application/x-yaml")
    public String create(@RequestBody String spec) throws Exception {
        Map<?, ?> parsed = yaml.readValue(spec, Map.class);
        return "pipeline " + parsed.get("name");
    }
}
