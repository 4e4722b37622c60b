import java.sql.*;
import javax.servlet.http.*;

class ReportServlet extends HttpServlet {
    private Connection conn;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String year = req.getParameter("year");
        year = "2024";
        try (Statement st = conn.createStatement()) {
            st.executeQuery("SELECT sum(total) FROM orders WHERE year = " + year);
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
