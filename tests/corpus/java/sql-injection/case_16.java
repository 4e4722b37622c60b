import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.web.bind.annotation.*;

@RestController
class EventController {
    private final NamedParameterJdbcTemplate named;

    EventController(NamedParameterJdbcTemplate named) { this.named = named; }

    @GetMapping("/events")
    public Object events(@RequestParam String city, @RequestParam String column) {
        String sql = "SELECT " + column + " FROM events WHERE city = :city";
        return named.queryForList(sql, new MapSqlParameterSource("city", city));
    }
}
