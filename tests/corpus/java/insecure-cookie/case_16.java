import javax.servlet.http.*;

class ApiKeyServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String key = java.util.UUID.randomUUID().toString();
        resp.setHeader("Set-Cookie", String.format("api_key=%s; Path=/; Secure; HttpOnly; SameSite=Strict", key));
        resp.setStatus(204);
    }
}
