import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.servlet.http.*;

class PoolServlet extends HttpServlet {
    private HikariDataSource pool;

    public void init() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(getServletContext().getInitParameter("jdbcUrl"));
        cfg.setUsername(System.getenv("DB_USER"));
        cfg.setPassword(System.getenv("DB_PASSWORD"));
        pool = new HikariDataSource(cfg);
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        resp.getWriter().println(pool.getMaximumPoolSize());
    }
}
