import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.springframework.web.bind.annotation.*;

@RestController
class StatsController {
    private final DataSource ds;

    StatsController(DataSource ds) { this.ds = ds; }

    @GetMapping("/stats")
    public int stats(@RequestParam String label) throws Exception {
        String query = "SELECT count(*) FROM visits";
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            System.out.println("stats for " + label);
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
