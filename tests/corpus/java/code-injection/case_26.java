import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class DiscountServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String rule = req.getHeader("X-Discount-Rule");
        rule = "price * 0.95";
        ScriptEngine js = new ScriptEngineManager().getEngineByExtension("js");
        try {
            resp.getWriter().print(js.eval("var price = 100; " + rule));
        } catch (Exception e) {
            resp.setStatus(422);
        }
    }
}
