package com.example.proxy;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import okhttp3.Request;
import org.apache.http.client.methods.HttpGet;
import org.springframework.web.reactive.function.client.WebClient;
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

    private final WebClient web = WebClient.create();

    private String base(HttpServletRequest request) {
        return "http://" + request.getParameter("region") + ".metadata.internal";
    }

    public Object more(HttpServletRequest request) throws Exception {
        String target = request.getParameter("url");
        // ruleid: ssrf/java-tainted-url
        HttpRequest.Builder builder = HttpRequest.newBuilder().uri(new URI(target));
        // ruleid: ssrf/java-tainted-url
        HttpGet get = new HttpGet(target);
        // ruleid: ssrf/java-tainted-url
        Request ok = new Request.Builder().url(target).build();
        // ruleid: ssrf/java-tainted-url
        Object mono = web.get().uri(target).retrieve();
        URL helper = new URL(base(request) + "/latest");
        // ruleid: ssrf/java-tainted-url
        InputStream in = helper.openStream();
        URL checked = new URL(target);
        if (!HOSTS.contains(checked.getHost())) {
            throw new IllegalArgumentException("host not allowed");
        }
        // ok: ssrf/java-tainted-url
        InputStream fine = checked.openStream();
        String search = "https://search.example.com/api?q=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        // ok: ssrf/java-tainted-url
        HttpGet encoded = new HttpGet(search);
        String service = request.getParameter("service");
        String health = switch (service) {
            case "billing" -> "http://billing.internal/health";
            case "search" -> "http://search.internal/health";
            default -> throw new IllegalArgumentException("unknown service");
        };
        // ok: ssrf/java-tainted-url
        return new HttpGet(health);
    }
}
