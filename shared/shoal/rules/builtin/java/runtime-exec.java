package com.example.tools;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;

public class PingService {

    public Process ping(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // ruleid: command-injection/java-runtime-exec
        return Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    public Process shell(String script) throws IOException {
        // ruleid: command-injection/java-runtime-exec
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", script});
    }

    public Process run(String commandLine) throws IOException {
        Runtime rt = Runtime.getRuntime();
        // ruleid: command-injection/java-runtime-exec
        return rt.exec(commandLine);
    }

    public void safe(Executor executor, String job) throws IOException {
        // ok: command-injection/java-runtime-exec
        Runtime.getRuntime().exec("uptime");
        // ok: command-injection/java-runtime-exec
        Runtime.getRuntime().exec(new String[] {"df", "-h", "/"});
        // ok: command-injection/java-runtime-exec
        executor.exec(job);
        // ok: command-injection/java-runtime-exec
        new ProcessBuilder("git", "status").inheritIO().start();
    }
}
