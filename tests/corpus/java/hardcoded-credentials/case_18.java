import java.sql.Connection;
import java.sql.DriverManager;
import javax.servlet.http.*;

class ReportServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String user = System.getenv("REPORT_DB_USER");
        String password = System.getenv("REPORT_DB_PASSWORD");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://db:5432/reports", user, password)) {
            resp.getWriter().println(c.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            resp.sendError(500);
        }
    }
}
