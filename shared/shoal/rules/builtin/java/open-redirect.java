package com.example.web;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class LoginServlet {

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: open-redirect/java-tainted-redirect
        response.sendRedirect(next);
        // ok: open-redirect/java-tainted-redirect
        response.sendRedirect("/home");
        if ("/account".equals(next)) {
            // ok: open-redirect/java-tainted-redirect
            response.sendRedirect(next);
        }
    }
}
