import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@Configuration
class DataConfig {
    @Bean
    @ConfigurationProperties(prefix = "orders.datasource")
    DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource();
    }
}
