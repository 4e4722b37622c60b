import java.sql.*;
import javax.servlet.http.*;

class SearchServlet extends HttpServlet {
    private Connection conn;

    private String whereClause(String term) {
        return " WHERE title LIKE '%" + term + "%'";
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            Statement s = conn.createStatement();
            s.execute("SELECT title FROM books" + whereClause(req.getParameter("q")));
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
