import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.springframework.web.bind.annotation.*;

@RestController
class PipelineController {
    @PostMapping(value = "/pipelines", consumes = "application/x-yaml")
    public String create(@RequestBody String spec) {
        Map<String, Object> parsed = new Yaml().load(spec);
        return "pipeline " + parsed.get("name");
    }
}
