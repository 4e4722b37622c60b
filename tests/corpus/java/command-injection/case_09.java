import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class LookupServlet extends HttpServlet {
    private String buildCommand(String domain) {
        return "nslookup " + domain;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String domain = req.getHeader("X-Domain");
        java.lang.Runtime.getRuntime().exec(buildCommand(domain));
        resp.setStatus(204);
    }
}
