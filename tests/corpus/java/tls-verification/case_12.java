import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class HttpConfig {
    @Bean
    HttpClient httpClient() throws Exception {
        SSLParameters params = new SSLParameters();
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        params.setEndpointIdentificationAlgorithm("HTTPS");
        return HttpClient.newBuilder().sslContext(SSLContext.getDefault()).sslParameters(params).build();
    }
}
