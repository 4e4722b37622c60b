package com.example.http;

import java.net.URL;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import okhttp3.OkHttpClient;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClients;

public class Connections {

    // ruleid: tls/java-hostname-verifier-allow-all
    private static final HostnameVerifier ANY_HOST = (host, session) -> true;
    // ok: tls/java-hostname-verifier-allow-all
    private static final HostnameVerifier SAME_HOST = (host, session) -> host.equals(session.getPeerHost());

    static class TrustingVerifier implements HostnameVerifier {
        @Override
        // ruleid: tls/java-hostname-verifier-allow-all
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    public HttpsURLConnection open(URL url) throws Exception {
        HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();
        // ruleid: tls/java-hostname-verifier-allow-all
        conn.setHostnameVerifier((hostname, session) -> true);
        return conn;
    }

    public OkHttpClient okHttp() {
        return new OkHttpClient.Builder()
            // ruleid: tls/java-hostname-verifier-allow-all
            .hostnameVerifier((host, session) -> { return true; })
            .build();
    }

    public Object apache() {
        return HttpClients.custom()
            // ruleid: tls/java-hostname-verifier-allow-all
            .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE)
            .build();
    }

    public Object legacy(javax.net.ssl.SSLContext ctx) {
        // ruleid: tls/java-hostname-verifier-allow-all
        return new SSLConnectionSocketFactory(ctx, SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);
    }

    public HttpsURLConnection pinned(URL url, String expectedHost) throws Exception {
        HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();
        // ok: tls/java-hostname-verifier-allow-all
        conn.setHostnameVerifier((hostname, session) -> hostname.equals(expectedHost));
        // ok: tls/java-hostname-verifier-allow-all
        conn.setHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier());
        return conn;
    }

    static class StrictVerifier implements HostnameVerifier {
        @Override
        // ok: tls/java-hostname-verifier-allow-all
        public boolean verify(String hostname, SSLSession session) {
            return HttpsURLConnection.getDefaultHostnameVerifier().verify(hostname, session);
        }
    }

    // ok: tls/java-hostname-verifier-allow-all
    public boolean verify(String signature, byte[] payload) {
        return true;
    }
}
