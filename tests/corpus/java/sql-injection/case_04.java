import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
class ProductController {
    private final JdbcTemplate jdbcTemplate;

    ProductController(JdbcTemplate t) { this.jdbcTemplate = t; }

    @GetMapping("/products")
    public Object list(@RequestParam(defaultValue = "name") String sort) {
        return jdbcTemplate.queryForList("SELECT * FROM products ORDER BY " + sort);
    }
}
