import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class TagController {
    private final JdbcTemplate jdbc;

    TagController(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @GetMapping("/tags")
    public List<String> tags(@RequestParam List<String> names) {
        String in = "'" + String.join("','", names) + "'";
        return jdbc.queryForList("SELECT label FROM tags WHERE name IN (" + in + ")", String.class);
    }
}
