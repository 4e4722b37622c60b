import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class BcServlet extends HttpServlet {
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        byte[] in = req.getParameter("v").getBytes();
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        GCMBlockCipher gcm = new GCMBlockCipher(new AESEngine());
        gcm.init(true, new AEADParameters(new KeyParameter(java.util.Base64.getDecoder().decode(System.getenv("BC_KEY"))), 128, nonce));
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        resp.getWriter().println(gcm.processBytes(in, 0, in.length, out, 0));
    }
}
