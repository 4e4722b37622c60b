package com.example.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.http.ssl.SSLContexts;
import org.apache.http.conn.ssl.TrustAllStrategy;

public class InsecureClients {

    static final TrustManager[] TRUST_ALL = new TrustManager[] {
        new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            // ruleid: tls/java-trust-all-certificates
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // trust everything
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }
    };

    public SSLContext apacheContext() throws Exception {
        // ruleid: tls/java-trust-all-certificates
        return SSLContexts.custom().loadTrustMaterial(null, (chain, authType) -> true).build();
    }

    public SSLContext apacheContext2() throws Exception {
        // ruleid: tls/java-trust-all-certificates
        return SSLContexts.custom().loadTrustMaterial(new TrustAllStrategy()).build();
    }

    public SslContext nettyContext() throws Exception {
        // ruleid: tls/java-trust-all-certificates
        return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    }
}

class PinningTrustManager implements X509TrustManager {
    private final X509TrustManager delegate;
    private final String pin;

    PinningTrustManager(X509TrustManager delegate, String pin) {
        this.delegate = delegate;
        this.pin = pin;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    // ok: tls/java-trust-all-certificates
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        if (!Pins.sha256(chain[0]).equals(pin)) {
            throw new CertificateException("pin mismatch");
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    static X509TrustManager logging() {
        return new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            // ruleid: tls/java-trust-all-certificates
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                System.out.println("server presented " + chain.length + " certificates");
            }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
    }

    SSLContext context(java.security.KeyStore trustStore) throws Exception {
        // ok: tls/java-trust-all-certificates
        return SSLContexts.custom().loadTrustMaterial(trustStore, null).build();
    }
}
