import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

@Configuration
class SecurityUsers {
    @Bean
    InMemoryUserDetailsManager users() {
        String hash = System.getenv("OPS_PASSWORD_HASH");
        return new InMemoryUserDetailsManager(User.withUsername("ops").password(hash).roles("ADMIN").build());
    }
}
