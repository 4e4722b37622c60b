import java.util.HashMap;
import java.util.Map;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.springframework.web.bind.annotation.*;

@RestController
class WidgetController {
    private Object run(ScriptEngine e, String src) throws Exception {
        return e.eval(src);
    }

    @PostMapping("/widgets/preview")
    public Object preview(@RequestBody Map<String, String> body) throws Exception {
        Map<String, String> parts = new HashMap<>(body);
        ScriptEngine js = new ScriptEngineManager().getEngineByName("nashorn");
        return run(js, parts.get("render"));
    }
}
