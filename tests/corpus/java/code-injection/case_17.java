import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
class ReportController {
    @PostMapping("/reports/columns")
    public List<String> columns(@RequestBody List<String> names) {
        List<String> known = List.of("id", "email", "created");
        return names.stream().filter(known::contains).map(String::toUpperCase).toList();
    }
}
