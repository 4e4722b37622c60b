import java.sql.*;
import javax.servlet.http.*;

class BatchServlet extends HttpServlet {
    private Connection conn;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try (Statement st = conn.createStatement()) {
            for (String name : req.getParameterValues("name")) {
                st.addBatch("INSERT INTO guests(name) VALUES ('" + name + "')");
            }
            st.executeBatch();
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
