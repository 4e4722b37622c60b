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
}
