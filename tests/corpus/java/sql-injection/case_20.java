import java.sql.*;
import jakarta.servlet.http.*;

class ThemeServlet extends HttpServlet {
    private Connection connection;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String theme = "default";
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) if (c.getName().equals("theme")) theme = c.getValue();
        }
        try {
            connection.createStatement().executeUpdate("UPDATE prefs SET theme = '" + theme + "' WHERE id = 1");
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
