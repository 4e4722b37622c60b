import java.util.Random;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class VoucherServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        Random gen = new Random();
        String voucher = gen.ints(10, 0, 36)
            .mapToObj(i -> Character.toString(Character.forDigit(i, 36)))
            .collect(Collectors.joining()).toUpperCase();
        resp.getWriter().println("voucher " + voucher);
    }
}
