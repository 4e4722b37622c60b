import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.springframework.web.bind.annotation.*;

@RestController
class StockController {
    @GetMapping("/stock/{sku}")
    public int stock(@PathVariable String sku) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://db/shop")) {
            String query = "SELECT qty FROM stock WHERE sku = '%s'".formatted(sku);
            ResultSet rs = c.createStatement().executeQuery(query);
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
