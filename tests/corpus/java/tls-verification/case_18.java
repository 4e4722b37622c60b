import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;

@Configuration
class RestConfig {
    @Bean
    RestTemplate restTemplate() throws Exception {
        var ssl = SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        var cm = PoolingHttpClientConnectionManagerBuilder.create()
            .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create().setSslContext(ssl).build()).build();
        return new RestTemplate(new HttpComponentsClientHttpRequestFactory(HttpClients.custom().setConnectionManager(cm).build()));
    }
}
