import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@Configuration
class DataConfig {
    @Bean
    DriverManagerDataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource();
        ds.setUrl("jdbc:mysql://orders-db:3306/orders");
        ds.setUsername("orders_app");
        ds.setPassword("s3cure-Orders-99");
        return ds;
    }
}
