import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class InvoiceController {
    private final JdbcTemplate db;

    InvoiceController(JdbcTemplate db) { this.db = db; }

    @PostMapping("/invoices/search")
    public Object search(@RequestBody Map<String, String> body) {
        Map<String, String> filters = new HashMap<>(body);
        String customer = filters.get("customer");
        return db.queryForList("SELECT * FROM invoices WHERE customer = '" + customer + "'");
    }
}
