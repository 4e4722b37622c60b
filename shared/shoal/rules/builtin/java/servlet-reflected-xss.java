package com.example.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class SearchServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        // ruleid: xss/java-servlet-reflected-xss
        response.getWriter().print("<h1>Results for " + request.getParameter("q") + "</h1>");

        PrintWriter out = response.getWriter();
        // ruleid: xss/java-servlet-reflected-xss
        out.println(request.getHeader("Referer"));
        String page = request.getParameter("page");
        // ok: xss/java-servlet-reflected-xss
        out.println("<p>Page " + Encode.forHtml(request.getParameter("page")) + "</p>");
        // ok: xss/java-servlet-reflected-xss
        out.println("<footer>Example Corp</footer>");
        // ok: xss/java-servlet-reflected-xss
        log.info("search " + request.getParameter("q"));
        // ok: xss/java-servlet-reflected-xss
        System.out.println(request.getParameter("q") + page);
        // ok: xss/java-servlet-reflected-xss
        out.println("error: the request had no getQueryString() value"); // not request.getHeader(x)
        // ok: xss/java-servlet-reflected-xss
        out.println(/* request.getParameter("q") */ "<p>none</p>");
    }
}
