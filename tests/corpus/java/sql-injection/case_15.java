import java.sql.*;
import jakarta.servlet.http.*;

class ThemeServlet extends HttpServlet {
    private Connection connection;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String theme = req.getHeader("X-Theme");
        try (PreparedStatement ps = connection.prepareStatement("UPDATE prefs SET theme = ? WHERE id = ?")) {
            ps.setString(1, theme);
            ps.setInt(2, 1);
            ps.executeUpdate();
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
