import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class JwtServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String jwt = "eyJ" + java.util.UUID.randomUUID();
        StringBuilder header = new StringBuilder("jwt=").append(jwt).append("; Path=/; Max-Age=3600");
        resp.addHeader("Set-Cookie", header.toString());
    }
}
