import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import jakarta.servlet.http.*;

class DeleteServlet extends HttpServlet {
    private DataSource ds;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        long id = Long.parseLong(req.getParameter("id"));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM notes WHERE id = " + id);
        } catch (java.sql.SQLException e) {
            resp.sendError(500);
        }
    }
}
