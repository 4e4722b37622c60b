import java.sql.*;
import javax.servlet.http.*;

class BatchServlet extends HttpServlet {
    private Connection conn;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO guests(name) VALUES (?)")) {
            for (String name : req.getParameterValues("name")) {
                ps.setString(1, name);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
