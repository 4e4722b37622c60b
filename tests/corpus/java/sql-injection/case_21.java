import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class TagController {
    private final NamedParameterJdbcTemplate named;

    TagController(NamedParameterJdbcTemplate named) { this.named = named; }

    @GetMapping("/tags")
    public List<String> tags(@RequestParam List<String> names) {
        MapSqlParameterSource params = new MapSqlParameterSource("names", names);
        return named.queryForList("SELECT label FROM tags WHERE name IN (:names)", params, String.class);
    }
}
