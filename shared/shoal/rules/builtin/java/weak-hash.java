package com.example.security;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.DigestUtils;

public class Hashes {

    public byte[] passwordHash(String password) throws NoSuchAlgorithmException {
        // ruleid: crypto/java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] legacySignature(byte[] data) throws NoSuchAlgorithmException {
        // ruleid: crypto/java-weak-hash
        return MessageDigest.getInstance("SHA-1").digest(data);
    }

    public String token(String seed) {
        // ruleid: crypto/java-weak-hash
        String a = DigestUtils.md5Hex(seed);
        // ruleid: crypto/java-weak-hash
        String b = Hashing.sha1().hashString(seed, StandardCharsets.UTF_8).toString();
        return a + b;
    }

    public byte[] strong(byte[] data) throws NoSuchAlgorithmException {
        // ok: crypto/java-weak-hash
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // ok: crypto/java-weak-hash
        String hex = DigestUtils.sha256Hex(data);
        // ok: crypto/java-weak-hash
        byte[] sha512 = MessageDigest.getInstance("SHA-512").digest(hex.getBytes(StandardCharsets.UTF_8));
        // ok: crypto/java-weak-hash
        Hashing.sha256().hashBytes(sha512);
        return sha256.digest(data);
    }

    public byte[] spelledOtherwise(byte[] data) throws Exception {
        // ruleid: crypto/java-weak-hash
        byte[] a = java.security.MessageDigest.getInstance("MD5").digest(data);
        // ruleid: crypto/java-weak-hash
        String b = org.apache.commons.codec.digest.DigestUtils.sha1Hex(data);
        // ok: crypto/java-weak-hash
        String note = "MessageDigest.getInstance(\"MD5\") is broken"; // DigestUtils.md5Hex(data)
        // ok: crypto/java-weak-hash
        byte[] c = java.security.MessageDigest.getInstance("SHA-256").digest(data);
        // ruleid: crypto/java-weak-hash
        String d = new DigestUtils(org.apache.commons.codec.digest.MessageDigestAlgorithms.MD5).digestAsHex(data);
        // ok: crypto/java-weak-hash
        String e = new DigestUtils("SHA-256").digestAsHex(data);
        return a;
    }

    private static final java.util.Map<String, String> ALGS = java.util.Map.of("legacy", "MD2", "default", "MD5");

    public void followed() throws Exception {
        // ruleid: crypto/java-weak-hash
        MessageDigest.getInstance(ALGS.get("default"));
        StringBuilder algo = new StringBuilder("SHA").append("-1");
        // ruleid: crypto/java-weak-hash
        MessageDigest.getInstance(algo.toString());
        StringBuilder strong = new StringBuilder("SHA").append("-256");
        // ok: crypto/java-weak-hash
        MessageDigest.getInstance(strong.toString());
    }

    Object fromSettings(java.util.Properties settings) throws NoSuchAlgorithmException {
        // The default is what runs wherever the setting is absent.
        String weak = settings.getProperty("algorithm", "MD5");
        // ruleid: crypto/java-weak-hash
        Object a = java.security.MessageDigest.getInstance(weak);
        String strong = settings.getProperty("algorithm", "SHA-256");
        // ok: crypto/java-weak-hash
        Object b = java.security.MessageDigest.getInstance(strong);
        return a;
    }
}
