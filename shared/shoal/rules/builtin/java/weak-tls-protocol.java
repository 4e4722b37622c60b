package com.example.tls;

import javax.net.ssl.SSLContext;

public class Contexts {

    public SSLContext legacy() throws Exception {
        // ruleid: tls/java-weak-tls-protocol
        SSLContext ctx = SSLContext.getInstance("TLSv1");
        ctx.init(null, null, null);
        return ctx;
    }

    public SSLContext ancient() throws Exception {
        // ruleid: tls/java-weak-tls-protocol
        return SSLContext.getInstance("SSLv3");
    }

    public SSLContext modern() throws Exception {
        // ok: tls/java-weak-tls-protocol
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        // ok: tls/java-weak-tls-protocol
        SSLContext any = SSLContext.getInstance("TLS");
        // ok: tls/java-weak-tls-protocol
        SSLContext twelve = SSLContext.getInstance("TLSv1.2");
        return ctx != null ? ctx : any != null ? any : twelve;
    }

    public Object spelledOtherwise() throws Exception {
        // ruleid: tls/java-weak-tls-protocol
        Object a = javax.net.ssl.SSLContext.getInstance("TLSv1.1");
        // ok: tls/java-weak-tls-protocol
        String note = "SSLContext.getInstance(\"SSLv3\")"; // SSLContext.getInstance("SSLv3")
        return a;
    }
}
