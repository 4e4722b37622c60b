import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class ProductController {
    private static final Set<String> SORTABLE = Set.of("name", "price", "created_at");
    private final JdbcTemplate jdbcTemplate;

    ProductController(JdbcTemplate t) { this.jdbcTemplate = t; }

    @GetMapping("/products")
    public Object list(@RequestParam(defaultValue = "name") String sort) {
        String column = SORTABLE.contains(sort) ? sort : "name";
        return jdbcTemplate.queryForList("SELECT * FROM products ORDER BY " + column);
    }
}
