import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.ssl.SSLContexts;
import org.springframework.web.bind.annotation.*;

@RestController
class LedgerController {
    @GetMapping("/ledger/health")
    public Object health() throws Exception {
        var sslFactory = SSLConnectionSocketFactoryBuilder.create()
            .setSslContext(SSLContexts.custom().loadTrustMaterial((chain, authType) -> true).build())
            .setHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
        var cm = PoolingHttpClientConnectionManagerBuilder.create().setSSLSocketFactory(sslFactory).build();
        return HttpClients.custom().setConnectionManager(cm).build();
    }
}
