package com.example.proxy;

import java.io.InputStream;
import java.net.URL;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestTemplate;

public class Proxy {

    private static final Set<String> HOSTS = Set.of("https://api.example.com/status");
    private final RestTemplate rest = new RestTemplate();

    public String fetch(@RequestParam String target) throws Exception {
        // ruleid: ssrf/java-tainted-url
        InputStream in = new URL(target).openStream();
        // ruleid: ssrf/java-tainted-url
        String body = rest.getForObject("https://" + target + "/api", String.class);
        if (HOSTS.contains(target)) {
            // ok: ssrf/java-tainted-url
            rest.getForObject(target, String.class);
        }
        // ok: ssrf/java-tainted-url
        return rest.getForObject("https://api.example.com/status", String.class) + body + in;
    }
}
