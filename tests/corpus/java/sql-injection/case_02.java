import java.sql.*;
import javax.servlet.http.*;

class AccountServlet extends HttpServlet {
    private Connection conn;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String user = req.getParameter("user");
        try (PreparedStatement ps = conn.prepareStatement("SELECT iban FROM accounts WHERE owner = ?")) {
            ps.setString(1, user);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) resp.getWriter().println(rs.getString("iban"));
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
