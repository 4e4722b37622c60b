import java.sql.*;
import javax.servlet.http.*;

class SearchServlet extends HttpServlet {
    private Connection conn;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String term = "%" + req.getParameter("q") + "%";
        String sql = "SELECT title FROM books WHERE title LIKE ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, term);
            ps.executeQuery();
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
