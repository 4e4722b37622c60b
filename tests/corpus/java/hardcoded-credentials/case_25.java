import java.sql.Connection;
import java.sql.DriverManager;
import javax.servlet.http.*;

class ReportServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://db:5432/reports", "reporting", "Rep0rt!ng2024")) {
            resp.getWriter().println(c.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            resp.sendError(500);
        }
    }
}
