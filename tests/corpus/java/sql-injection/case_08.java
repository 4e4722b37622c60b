import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class StockController {
    private final JdbcTemplate jdbc;

    StockController(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @PostMapping("/stock/{sku}")
    public int update(@PathVariable String sku, @RequestParam int qty) {
        return jdbc.update("UPDATE stock SET qty = ? WHERE sku = ?", qty, sku);
    }
}
