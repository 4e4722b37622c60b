import javax.script.*;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class DiscountServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String rule = req.getHeader("X-Discount-Rule");
        String code = "var price = 100; " + rule;
        try {
            Object out = new ScriptEngineManager().getEngineByExtension("js").eval(code);
            resp.getWriter().print(out);
        } catch (ScriptException e) {
            resp.setStatus(422);
        }
    }
}
