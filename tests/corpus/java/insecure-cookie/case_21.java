import javax.servlet.http.*;

class ApiKeyServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String key = req.getParameter("key");
        resp.setHeader("Set-Cookie", String.format("api_key=%s; Path=/; HttpOnly", key));
        resp.setStatus(204);
    }
}
