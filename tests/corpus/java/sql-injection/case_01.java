import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class AuditController {
    private final JdbcTemplate jdbc;

    AuditController(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @DeleteMapping("/audit/{table}")
    public int purge(@PathVariable String table) {
        return jdbc.update(String.format("DELETE FROM %s WHERE created < now() - interval '30 days'", table));
    }
}
