package com.example.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public class Encryptor {

    public byte[] encryptLegacy(SecretKey key, byte[] data) throws GeneralSecurityException {
        // ruleid: crypto/java-weak-cipher
        Cipher cipher = Cipher.getInstance("DES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] encryptDefault(SecretKey key, byte[] data) throws GeneralSecurityException {
        // ruleid: crypto/java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] encryptBlocks(SecretKey key, byte[] data) throws GeneralSecurityException {
        // ruleid: crypto/java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding", "BC");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] encrypt(SecretKey key, byte[] data) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        // ok: crypto/java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        // ok: crypto/java-weak-cipher
        Cipher wrap = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        // ok: crypto/java-weak-cipher
        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
        return cipher.doFinal(data);
    }

    public void spelledOtherwise() throws Exception {
        // ruleid: crypto/java-weak-cipher
        javax.crypto.Cipher a = javax.crypto.Cipher.getInstance("DESede/CBC/PKCS5Padding");
        // ruleid: crypto/java-weak-cipher
        javax.crypto.Cipher b = javax.crypto.Cipher.getInstance("Blowfish");
        // ok: crypto/java-weak-cipher
        String note = "Cipher.getInstance(\"DES\") was replaced"; // Cipher.getInstance("RC4")
        // ok: crypto/java-weak-cipher
        Object c = other.Cipher.getInstance("DES");
        // ruleid: crypto/java-weak-cipher
        Object engine = new org.bouncycastle.crypto.engines.DESedeEngine();
        // ok: crypto/java-weak-cipher
        Object aes = new org.bouncycastle.crypto.engines.AESEngine();
    }

    Object fromSettings(java.util.Properties settings) throws GeneralSecurityException {
        // The default is what runs wherever the setting is absent.
        String weak = settings.getProperty("algorithm", "DES/ECB/PKCS5Padding");
        // ruleid: crypto/java-weak-cipher
        Object a = javax.crypto.Cipher.getInstance(weak);
        String strong = settings.getProperty("algorithm", "AES/GCM/NoPadding");
        // ok: crypto/java-weak-cipher
        Object b = javax.crypto.Cipher.getInstance(strong);
        return a;
    }
}
