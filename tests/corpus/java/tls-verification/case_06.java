import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.KeyStore;

class PinningTrustManager implements X509TrustManager {
    private final X509TrustManager system;
    private final String expectedIssuer;

    PinningTrustManager(String expectedIssuer) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        this.system = (X509TrustManager) tmf.getTrustManagers()[0];
        this.expectedIssuer = expectedIssuer;
    }

    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        system.checkClientTrusted(chain, authType);
    }

    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        system.checkServerTrusted(chain, authType);
        if (!chain[0].getIssuerX500Principal().getName().contains(expectedIssuer)) {
            throw new CertificateException("unexpected issuer " + chain[0].getIssuerX500Principal());
        }
    }

    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }
}
