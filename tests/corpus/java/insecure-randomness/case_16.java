import java.util.Random;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class SamplingServlet extends HttpServlet {
    private final Random sampler = new Random();

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        if (sampler.nextDouble() < 0.01) {
            log("sampled request to " + req.getRequestURI());
        }
        resp.setStatus(204);
    }
}
