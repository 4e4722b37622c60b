package com.example.tools;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class PingService {

    private static final Set<String> TOOLS = Set.of("uptime", "df");

    private String pingCommand(String host) {
        return "ping -c 1 " + host;
    }

    private Process run(String commandLine) throws IOException {
        Runtime rt = Runtime.getRuntime();
        // ruleid: command-injection/java-runtime-exec
        return rt.exec(commandLine);
    }

    public Process ping(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // ruleid: command-injection/java-runtime-exec
        Runtime.getRuntime().exec("ping -c 1 " + host);
        String command = pingCommand(host);
        // ruleid: command-injection/java-runtime-exec
        Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", command});
        run("nslookup " + host);
        StringBuilder line = new StringBuilder("traceroute ");
        line.append(host);
        // ruleid: command-injection/java-runtime-exec
        Runtime.getRuntime().exec(line.toString());
        String tool = request.getParameter("tool");
        if (TOOLS.contains(tool)) {
            // ok: command-injection/java-runtime-exec
            Runtime.getRuntime().exec(tool);
        }
        int count = Integer.parseInt(request.getParameter("count"));
        // ok: command-injection/java-runtime-exec
        Runtime.getRuntime().exec("ping -c " + count + " localhost");
        // ok: command-injection/java-runtime-exec
        Runtime.getRuntime().exec("uptime");
        // ok: command-injection/java-runtime-exec
        return Runtime.getRuntime().exec(new String[] {"df", "-h", "/"});
    }

    @GetMapping("/lookup")
    public Process lookup(@RequestParam("name") String name) throws IOException {
        String mode = name.isEmpty() ? "-a" : "-x";
        // ruleid: command-injection/java-runtime-exec
        return Runtime.getRuntime().exec(List.of("dig", mode, name).toString());
    }

    public Process maintenance(String script) throws IOException {
        // A parameter of a method nobody here calls with request data: a note, not a finding.
        // ok: command-injection/java-runtime-exec
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", script});
    }

    public Process withEnvironment(HttpServletRequest request) throws IOException {
        String[] env = {"LANG=" + request.getParameter("lang")};
        // The environment decides what runs too (PATH, LD_PRELOAD, BASH_ENV).
        // ruleid: command-injection/java-runtime-exec
        return Runtime.getRuntime().exec(new String[] {"/usr/bin/locale"}, env);
    }

    public Process fixedEnvironment(HttpServletRequest request) throws IOException {
        String[] env = {"LANG=C"};
        // ok: command-injection/java-runtime-exec
        return Runtime.getRuntime().exec(new String[] {"/usr/bin/locale"}, env);
    }
}
