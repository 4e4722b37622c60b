package com.example.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Cookies {
    public void remember(HttpServletResponse response, String id) {
        // ruleid: cookie/java-cookie-not-secure
        Cookie cookie = new Cookie("session", id);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    public void explicit(HttpServletResponse response, String id) {
        // ok: cookie/java-cookie-not-secure
        Cookie c = new Cookie("session", id);
        // ruleid: cookie/java-cookie-not-secure
        c.setSecure(false);
        response.addCookie(c);
    }

    public void qualified(HttpServletResponse response, String id) {
        // ruleid: cookie/java-cookie-not-secure
        jakarta.servlet.http.Cookie c = new jakarta.servlet.http.Cookie("session", id);
        response.addCookie(c);
    }

    public void decided(HttpServletRequest request, HttpServletResponse response, String otp) {
        Cookie t = new Cookie("mfa_ticket", otp);
        // ruleid: cookie/java-cookie-not-secure
        t.setSecure(otp.isEmpty());
        response.addCookie(t);
    }

    public void safe(HttpServletRequest request, HttpServletResponse response, String id) {
        // ok: cookie/java-cookie-not-secure
        Cookie c = new Cookie("session", id);
        c.setSecure(true);
        // ok: cookie/java-cookie-not-secure
        Cookie d = new Cookie("theme", "dark");
        d.setSecure(request.isSecure());
        // ok: cookie/java-cookie-not-secure
        String help = "new Cookie(name, value) then setSecure(false)"; // c.setSecure(false);
        response.addCookie(c);
    }

    public void spring(HttpServletResponse response, String id) {
        boolean flag = false;
        // ruleid: cookie/java-cookie-not-secure
        org.springframework.http.ResponseCookie a = org.springframework.http.ResponseCookie.from("sid", id).path("/").secure(flag).build();
        // ruleid: cookie/java-cookie-not-secure
        org.springframework.http.ResponseCookie b = org.springframework.http.ResponseCookie.from("sid", id).httpOnly(true).build();
        // ok: cookie/java-cookie-not-secure
        org.springframework.http.ResponseCookie c = org.springframework.http.ResponseCookie.from("sid", id).secure(true).httpOnly(true).build();
    }

    public void raw(HttpServletResponse response, String id) {
        // ruleid: cookie/java-cookie-not-secure
        response.addHeader("Set-Cookie", "SSO=" + id + "; Path=/");
        // ok: cookie/java-cookie-not-secure
        response.addHeader("Set-Cookie", "SSO=" + id + "; Path=/; Secure; HttpOnly");
    }
}
