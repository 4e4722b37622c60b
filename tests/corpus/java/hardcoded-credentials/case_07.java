import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class WebhookServlet extends HttpServlet {
    private String secret() {
        return "whsec_4f8a1c9e2b7d6053";
    }

    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret().getBytes(), "HmacSHA256"));
            byte[] sig = mac.doFinal(req.getInputStream().readAllBytes());
            resp.setStatus(java.util.HexFormat.of().formatHex(sig).equals(req.getHeader("X-Signature")) ? 200 : 401);
        } catch (Exception e) {
            resp.sendError(500);
        }
    }
}
