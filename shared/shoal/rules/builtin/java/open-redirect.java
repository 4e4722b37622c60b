package com.example.web;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

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

    private String target(HttpServletRequest request) {
        String t = request.getParameter("target");
        return t == null ? "/home" : t;
    }

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: open-redirect/java-tainted-redirect
        response.sendRedirect(target(request));
        String next = request.getParameter("next");
        if (next == null || !next.startsWith("/") || next.startsWith("//")) {
            next = "/home";
        }
        // ok: open-redirect/java-tainted-redirect
        response.sendRedirect(next);
    }
}

@Controller
class ReturnController {
    @GetMapping("/logout")
    public String logout(@RequestParam String returnTo) {
        // ruleid: open-redirect/java-tainted-redirect
        return "redirect:" + returnTo;
    }

    @GetMapping("/done")
    public ModelAndView done(@RequestHeader("X-Return") String ret) {
        // ruleid: open-redirect/java-tainted-redirect
        return new ModelAndView("redirect:" + ret);
    }

    @GetMapping("/track")
    public RedirectView track(@RequestParam String dest) {
        // ruleid: open-redirect/java-tainted-redirect
        return new RedirectView(dest);
    }

    @GetMapping("/out")
    public ResponseEntity<Void> out(@RequestParam String url) {
        HttpHeaders headers = new HttpHeaders();
        // ruleid: open-redirect/java-tainted-redirect
        headers.add(HttpHeaders.LOCATION, url + "?code=abc");
        // ruleid: open-redirect/java-tainted-redirect
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build();
    }

    @GetMapping("/home")
    public String home(@RequestParam String tab) {
        // ok: open-redirect/java-tainted-redirect
        return "redirect:/home?tab=" + tab;
    }
}
