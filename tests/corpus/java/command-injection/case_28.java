import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

class TraceServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        List<String> hosts = List.of(request.getParameterValues("h"));
        for (String h : hosts) {
            Runtime.getRuntime().exec("traceroute " + h);
        }
    }
}
