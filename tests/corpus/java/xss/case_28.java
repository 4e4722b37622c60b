import java.io.PrintWriter;
import javax.servlet.http.*;
import org.owasp.encoder.Encode;

class GreetServlet extends HttpServlet {
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String name = req.getParameter("name");
        resp.setContentType("text/html");
        PrintWriter out = resp.getWriter();
        out.println("<h1>Hello, " + Encode.forHtml(name) + "</h1>");
    }
}
