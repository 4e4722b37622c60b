import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class OrderController {
    private final JdbcTemplate jdbc;

    OrderController(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @GetMapping("/orders")
    public List<Map<String, Object>> orders(@RequestParam String status) {
        String sql = "SELECT id, total FROM orders WHERE status = '" + status + "'";
        return jdbc.queryForList(sql);
    }
}
