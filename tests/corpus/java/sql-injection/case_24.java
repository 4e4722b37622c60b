import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import jakarta.servlet.http.*;

class DeleteServlet extends HttpServlet {
    private DataSource ds;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String id = req.getParameter("id");
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM notes WHERE id = " + id)) {
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            resp.sendError(500);
        }
    }
}
