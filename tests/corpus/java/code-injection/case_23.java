import groovy.lang.GroovyClassLoader;
import org.springframework.web.bind.annotation.*;

@RestController
class ExtensionController {
    @PostMapping("/extensions")
    public String load(@RequestParam("source") String source) throws Exception {
        try (GroovyClassLoader loader = new GroovyClassLoader()) {
            Class<?> cls = loader.parseClass(source);
            return cls.getDeclaredConstructor().newInstance().toString();
        }
    }
}
