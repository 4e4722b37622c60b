import java.sql.*;
import javax.servlet.http.*;

class LoginServlet extends HttpServlet {
    private Connection conn;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        StringBuilder q = new StringBuilder("SELECT id FROM users WHERE name='");
        q.append(req.getParameter("name")).append("' AND pw_hash='").append(req.getParameter("hash")).append("'");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(q.toString())) {
            resp.setStatus(rs.next() ? 200 : 401);
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
