package com.example.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Cookies {
    public void remember(HttpServletResponse response, String id) {
        // ruleid: cookie/java-cookie-not-httponly
        Cookie cookie = new Cookie("session", id);
        cookie.setSecure(true);
        response.addCookie(cookie);
    }

    public void explicit(HttpServletResponse response, String id) {
        // ok: cookie/java-cookie-not-httponly
        Cookie c = new Cookie("session", id);
        // ruleid: cookie/java-cookie-not-httponly
        c.setHttpOnly(false);
        response.addCookie(c);
    }

    public void qualified(HttpServletResponse response, String id) {
        // ruleid: cookie/java-cookie-not-httponly
        jakarta.servlet.http.Cookie c = new jakarta.servlet.http.Cookie("session", id);
        response.addCookie(c);
    }

    public void safe(HttpServletRequest request, HttpServletResponse response, String id) {
        // ok: cookie/java-cookie-not-httponly
        Cookie c = new Cookie("session", id);
        c.setHttpOnly(true);
        // ok: cookie/java-cookie-not-httponly
        Cookie d = new Cookie("theme", "dark");
        d.setHttpOnly(request.isSecure() && d.getSecure());
        // ok: cookie/java-cookie-not-httponly
        String help = "new Cookie(name, value) then setHttpOnly(false)"; // c.setHttpOnly(false);
        response.addCookie(c);
    }

    public void spring(HttpServletResponse response, String id) {
        boolean flag = false;
        // ruleid: cookie/java-cookie-not-httponly
        org.springframework.http.ResponseCookie a = org.springframework.http.ResponseCookie.from("sid", id).path("/").httpOnly(flag).build();
        // ruleid: cookie/java-cookie-not-httponly
        org.springframework.http.ResponseCookie b = org.springframework.http.ResponseCookie.from("sid", id).secure(true).build();
        // ok: cookie/java-cookie-not-httponly
        org.springframework.http.ResponseCookie c = org.springframework.http.ResponseCookie.from("sid", id).httpOnly(true).secure(true).build();
    }

    public void raw(HttpServletResponse response, String id) {
        // ruleid: cookie/java-cookie-not-httponly
        response.addHeader("Set-Cookie", "SSO=" + id + "; Path=/");
        // ok: cookie/java-cookie-not-httponly
        response.addHeader("Set-Cookie", "SSO=" + id + "; Path=/; Secure; HttpOnly");
    }
}
