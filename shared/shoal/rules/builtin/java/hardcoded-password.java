package com.example.db;

import java.io.InputStream;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import com.zaxxer.hikari.HikariDataSource;

public class Database {

    // ruleid: credentials/java-hardcoded-password
    private static final String DB_PASSWORD = "Pr0d-Passw0rd!";
    // ruleid: credentials/java-hardcoded-password
    private static final String STRIPE_API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    // ruleid: credentials/java-hardcoded-password
    private String githubToken = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    // ok: credentials/java-hardcoded-password
    private static final String PASSWORD_PARAM = "password";
    // ok: credentials/java-hardcoded-password
    private static final String PASSWORD_PROMPT = "Enter your password";
    // ok: credentials/java-hardcoded-password
    private static final String SECRET_PLACEHOLDER = "${DB_SECRET}";
    // ok: credentials/java-hardcoded-password
    private String tokenType = "Bearer";
    // ok: credentials/java-hardcoded-password
    private String accessToken = "";

    public Connection connect(String url) throws Exception {
        // ruleid: credentials/java-hardcoded-password
        return DriverManager.getConnection(url, "admin", "s3cr3t-admin");
    }

    public Connection connectFromEnv(String url) throws Exception {
        // ok: credentials/java-hardcoded-password
        return DriverManager.getConnection(url, "admin", System.getenv("DB_PASSWORD"));
    }

    public HikariDataSource pool() {
        HikariDataSource ds = new HikariDataSource();
        ds.setUsername("app");
        // ruleid: credentials/java-hardcoded-credential-argument
        ds.setPassword("hunter2hunter2");
        // ok: credentials/java-hardcoded-password
        ds.setPassword(System.getenv("DB_PASSWORD"));
        return ds;
    }

    public Properties props() {
        Properties p = new Properties();
        // ruleid: credentials/java-hardcoded-password
        p.setProperty("javax.net.ssl.keyStorePassword", "k3yst0re");
        // ok: credentials/java-hardcoded-password
        p.setProperty("password", System.getProperty("app.password"));
        return p;
    }

    public KeyStore keyStore(InputStream in) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        // ruleid: credentials/java-hardcoded-password
        ks.load(in, "changeit!2024".toCharArray());
        // ok: credentials/java-hardcoded-password
        char[] hex = "0123456789abcdef".toCharArray();
        return ks;
    }

    public void proxyAuth() {
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                // ruleid: credentials/java-hardcoded-password
                return new PasswordAuthentication("proxy", "pr0xy-pass".toCharArray());
            }
        });
    }

    public void rotate(Vault vault) {
        // ok: credentials/java-hardcoded-password
        String password = vault.read("db/password");
        // ruleid: credentials/java-hardcoded-password
        char[] keyPassword = "k3y-pa55".toCharArray();
        System.out.println(password.length() + keyPassword.length);
    }
}
