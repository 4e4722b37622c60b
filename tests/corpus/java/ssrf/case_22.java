import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class CallbackServlet extends HttpServlet {
    private static final boolean CALLBACKS_ENABLED = false;

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String cb = req.getParameter("callback");
        if (CALLBACKS_ENABLED) {
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cb)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        resp.setStatus(202);
    }
}
