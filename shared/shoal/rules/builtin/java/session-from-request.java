package com.example.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

public class Preferences {

    public void save(HttpServletRequest request) {
        HttpSession session = request.getSession();
        // ruleid: trust-boundary/java-session-from-request
        session.setAttribute("role", request.getParameter("role"));
        // ruleid: trust-boundary/java-session-from-request
        request.getSession().setAttribute("theme", request.getParameter("theme"));
        // ok: trust-boundary/java-session-from-request
        session.setAttribute("visits", Integer.parseInt(request.getParameter("visits")));
        // ok: trust-boundary/java-session-from-request
        session.setAttribute(request.getParameter("key"), "constant");
    }
}
