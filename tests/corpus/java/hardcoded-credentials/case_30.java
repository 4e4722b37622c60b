import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.servlet.http.*;

class PoolServlet extends HttpServlet {
    private HikariDataSource pool;

    public void init() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:postgresql://db/app");
        cfg.setUsername("app");
        String pw = "hikari-Pool-Pass-7";
        cfg.setPassword(pw);
        pool = new HikariDataSource(cfg);
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        resp.getWriter().println(pool.getMaximumPoolSize());
    }
}
