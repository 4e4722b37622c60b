import java.sql.*;
import javax.servlet.http.*;

class AccountServlet extends HttpServlet {
    private Connection conn;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String user = req.getParameter("user");
        try (Statement st = conn.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT * FROM accounts WHERE owner = '" + user + "'");
            while (rs.next()) resp.getWriter().println(rs.getString("iban"));
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
