package com.example.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

public class SearchServlet extends HttpServlet {

    private String heading(String query) {
        return "<h1>Results for " + query + "</h1>";
    }

    private void show(HttpServletResponse response, String html) throws IOException {
        // ruleid: xss/java-servlet-reflected-xss
        response.getWriter().println(html);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        // ruleid: xss/java-servlet-reflected-xss
        response.getWriter().print("<h1>Results for " + request.getParameter("q") + "</h1>");

        PrintWriter out = response.getWriter();
        // ruleid: xss/java-servlet-reflected-xss
        out.println(request.getHeader("Referer"));
        String query = request.getParameter("q");
        // ruleid: xss/java-servlet-reflected-xss
        out.println(heading(query));
        show(response, "<p>" + query + "</p>");
        Map<String, String> labels = new HashMap<>();
        labels.put("q", query);
        // ruleid: xss/java-servlet-reflected-xss
        out.write(labels.get("q"));
        // ok: xss/java-servlet-reflected-xss
        out.println("<p>Page " + Encode.forHtml(request.getParameter("page")) + "</p>");
        // ok: xss/java-servlet-reflected-xss
        out.println(heading(Encode.forHtml(query)));
        // ok: xss/java-servlet-reflected-xss
        out.println("<footer>Example Corp</footer>");
        // ok: xss/java-servlet-reflected-xss
        System.out.println(request.getParameter("q"));
        String page = request.getParameter("page");
        // ok: xss/java-servlet-reflected-xss
        out.println("<p>" + Integer.parseInt(page) + "</p>");
        String theme = "dark".equals(page) ? "dark" : "light";
        // ok: xss/java-servlet-reflected-xss
        out.println("<body class=" + theme + ">");
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String note = request.getParameter("note");
        String lang = request.getParameter("lang");
        if (!"en".equals(lang) && !"de".equals(lang)) {
            lang = "en";
        }
        response.setContentType("text/html");
        // ruleid: xss/java-servlet-reflected-xss
        response.getWriter().append("<p>").append(note).append("</p>");
        // ok: xss/java-servlet-reflected-xss
        response.getWriter().println("<html lang=" + lang + "><p>" + note.length() + " characters</p>");
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        // ok: xss/java-servlet-reflected-xss
        response.getWriter().println("You wrote: " + request.getParameter("text"));
    }
}

@Controller
class GreetingController {

    @GetMapping(value = "/hello", produces = "text/html")
    @ResponseBody
    public String hello(@RequestParam String name) {
        // ruleid: xss/java-servlet-reflected-xss
        return "<p>Hello " + name + "</p>";
    }

    @GetMapping(value = "/safe-hello", produces = "text/html")
    @ResponseBody
    public String safeHello(@RequestParam String name) {
        // ok: xss/java-servlet-reflected-xss
        return "<p>Hello " + HtmlUtils.htmlEscape(name) + "</p>";
    }

    @GetMapping("/hello.json")
    @ResponseBody
    public String json(@RequestParam String name) {
        // ok: xss/java-servlet-reflected-xss
        return "{\"name\": \"" + name.length() + "\"}";
    }

    @GetMapping("/banner")
    public ResponseEntity<String> banner(@RequestParam String promo) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8");
        // ruleid: xss/java-servlet-reflected-xss
        ResponseEntity<String> a = new ResponseEntity<>("<b>" + promo + "</b>", headers, 200);
        // ruleid: xss/java-servlet-reflected-xss
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<i>" + promo + "</i>");
    }
}

@RestController
class ProfileApi {

    @GetMapping("/whoami")
    public String whoami(@RequestParam String user) {
        // A String body with no declared type is sent as the browser's Accept asks: text/html.
        // ruleid: xss/java-servlet-reflected-xss
        return "<p>Signed in as " + user + "</p>";
    }

    @GetMapping(value = "/whoami.json", produces = "application/json")
    public String whoamiJson(@RequestParam String user) {
        // ok: xss/java-servlet-reflected-xss
        return "{\"user\": \"" + user + "\"}";
    }

    @GetMapping("/profile")
    public java.util.Map<String, String> profile(@RequestParam String user) {
        // ok: xss/java-servlet-reflected-xss
        return java.util.Map.of("user", user);
    }
}

class GreetingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        String name = request.getParameter("name");
        // ok: xss/java-servlet-reflected-xss
        response.getWriter().println("<p>" + org.owasp.esapi.ESAPI.encoder().encodeForHTML(name) + "</p>");
        // ruleid: xss/java-servlet-reflected-xss
        response.getWriter().println("<p>" + org.owasp.esapi.ESAPI.encoder().encodeForURL(name) + "</p>");
    }
}
