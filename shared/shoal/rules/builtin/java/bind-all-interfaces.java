package com.example.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

public class AdminServer {

    public HttpServer start(int port) throws IOException {
        // ruleid: config/java-bind-all-interfaces
        return HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
    }

    public ServerSocket debugPort() throws IOException {
        // ruleid: config/java-bind-all-interfaces
        return new ServerSocket(5005, 50, InetAddress.getByName("0.0.0.0"));
    }

    public HttpServer startLocal(int port) throws IOException {
        // ok: config/java-bind-all-interfaces
        HttpServer local = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // ok: config/java-bind-all-interfaces
        InetAddress dns = InetAddress.getByName("example.com");
        // ok: config/java-bind-all-interfaces
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1);
        return dns != null ? local : null;
    }
}
