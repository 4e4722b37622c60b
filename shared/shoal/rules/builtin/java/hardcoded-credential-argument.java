package com.example.config;

import com.zaxxer.hikari.HikariConfig;
import jakarta.mail.Transport;
import java.util.Base64;
import java.util.Hashtable;
import javax.crypto.spec.SecretKeySpec;
import javax.naming.Context;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

public class Credentials {

    private static final byte[] KEY = "Q7w9E2r4T6y8U1i3O5p7A9s2D4f6G8h0".getBytes();

    private String webhookSecret() {
        return "whsec_4f8a1c9e2b7d6053";
    }

    public Object all(Transport transport, HikariConfig cfg, String user) throws Exception {
        // ruleid: credentials/java-hardcoded-credential-argument
        cfg.setPassword("hunter2hunter2");
        String pw = "hikari-Pool-Pass-7";
        // ruleid: credentials/java-hardcoded-credential-argument
        cfg.setPassword(pw);
        // ok: credentials/java-hardcoded-credential-argument
        cfg.setPassword(System.getenv("DB_PASSWORD"));
        // ok: credentials/java-hardcoded-credential-argument
        cfg.setPassword("changeme");
        // ruleid: credentials/java-hardcoded-credential-argument
        SecretKeySpec a = new SecretKeySpec(KEY, "AES");
        // ruleid: credentials/java-hardcoded-credential-argument
        SecretKeySpec b = new javax.crypto.spec.SecretKeySpec(webhookSecret().getBytes(), "HmacSHA256");
        // ok: credentials/java-hardcoded-credential-argument
        SecretKeySpec c = new SecretKeySpec(System.getenv("KEY").getBytes(), "AES");
        // ruleid: credentials/java-hardcoded-credential-argument
        transport.connect("smtp.example.com", "notifications@example.com", "M4ilSend3r!");
        // ok: credentials/java-hardcoded-credential-argument
        transport.connect("smtp.example.com", user, System.getenv("SMTP_PASSWORD"));
        // ruleid: credentials/java-hardcoded-credential-argument
        UserDetails ops = User.withUsername("ops").password("{noop}0psTeam!2023").roles("ADMIN").build();
        Hashtable<String, String> env = new Hashtable<>();
        // ok: credentials/java-hardcoded-credential-argument
        env.put(Context.SECURITY_PRINCIPAL, "cn=svc-portal,ou=services,dc=corp");
        // ruleid: credentials/java-hardcoded-credential-argument
        env.put(Context.SECURITY_CREDENTIALS, "P0rtal#Bind!");
        // ruleid: credentials/java-hardcoded-credential-argument
        String basic = Base64.getEncoder().encodeToString("partner-api:Xy7!kP2q#Lm9".getBytes());
        // ok: credentials/java-hardcoded-credential-argument
        String plain = Base64.getEncoder().encodeToString("hello world".getBytes());
        return basic + plain + ops + a + b + c;
    }
}
