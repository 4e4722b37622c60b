import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestTemplate;

@Configuration
class RestConfig {
    @Bean
    RestTemplate restTemplate(RestTemplateBuilder builder) {
        return builder.rootUri("https://api.example.com").setConnectTimeout(java.time.Duration.ofSeconds(3)).build();
    }
}
