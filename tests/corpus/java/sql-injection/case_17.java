import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class AuditController {
    private static final Map<String, String> TABLES = Map.of("login", "audit_login", "export", "audit_export");
    private final JdbcTemplate jdbc;

    AuditController(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @DeleteMapping("/audit/{kind}")
    public int purge(@PathVariable String kind) {
        String table = TABLES.get(kind);
        if (table == null) throw new IllegalArgumentException("unknown audit kind");
        return jdbc.update("DELETE FROM " + table + " WHERE created < now() - interval '30 days'");
    }
}
