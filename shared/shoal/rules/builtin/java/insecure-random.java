package com.example.auth;

import java.security.SecureRandom;
import java.util.Random;
import org.apache.commons.lang3.RandomStringUtils;

public class Tokens {
    private final Random generator = new Random();
    // ruleid: crypto/java-insecure-random
    private final long sessionKey = new Random().nextLong();

    public String resetToken() {
        // ruleid: crypto/java-insecure-random
        return Long.toHexString(generator.nextLong());
    }

    public void issue(User user) {
        Random r = new Random();
        // ruleid: crypto/java-insecure-random
        String password = Integer.toString(r.nextInt(1000000));
        // ruleid: crypto/java-insecure-random
        user.otp = (int) (Math.random() * 1000000);
        // ruleid: crypto/java-insecure-random
        String apiKey = RandomStringUtils.randomAlphanumeric(32);
        java.util.Random other = new java.util.Random();
        // ruleid: crypto/java-insecure-random
        String nonce = "" + other.nextInt();
        // ok: crypto/java-insecure-random
        int delay = r.nextInt(100);
        // ok: crypto/java-insecure-random
        byte[] salt = new byte[16];
        // ok: crypto/java-insecure-random
        new SecureRandom().nextBytes(salt);
        // ok: crypto/java-insecure-random
        String token = "Math.random() is predictable"; // token = new Random().nextLong()
        // ok: crypto/java-insecure-random
        double jitter = Math.random();
    }
}
