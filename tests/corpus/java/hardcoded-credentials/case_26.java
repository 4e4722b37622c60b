import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

@Configuration
class SecurityUsers {
    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(
            User.withUsername("ops").password("{noop}0psTeam!2023").roles("ADMIN").build());
    }
}
