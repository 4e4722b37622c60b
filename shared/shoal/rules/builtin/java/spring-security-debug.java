package com.example.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

@Configuration
// ruleid: config/java-spring-security-debug
@EnableWebSecurity(debug = true)
public class SecurityConfig {

    @Bean
    public WebSecurityCustomizer webSecurityCustomizer() {
        // ruleid: config/java-spring-security-debug
        return (web) -> web.debug(true);
    }
}

@Configuration
// ok: config/java-spring-security-debug
@EnableWebSecurity(debug = false)
class ProductionSecurityConfig {

    @Bean
    public WebSecurityCustomizer webSecurityCustomizer() {
        // ok: config/java-spring-security-debug
        return (web) -> web.ignoring().requestMatchers("/assets/**");
    }
}

// ok: config/java-spring-security-debug
@EnableWebSecurity
class DefaultSecurityConfig {
    void trace(org.slf4j.Logger log) {
        // ok: config/java-spring-security-debug
        log.debug("true");
    }
}
