package com.example.web;

import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.*;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

public class Preferences {

    public void save(HttpServletRequest request) {
        HttpSession session = request.getSession();
        // ruleid: trust-boundary/java-session-from-request
        session.setAttribute("role", request.getParameter("role"));
        // ruleid: trust-boundary/java-session-from-request
        request.getSession().setAttribute("theme", request.getParameter("theme"));
        // ok: trust-boundary/java-session-from-request
        session.setAttribute("visits", Integer.parseInt(request.getParameter("visits")));
        // A name from the request chooses which attribute is set: any trusted one ("isAdmin").
        // ruleid: trust-boundary/java-session-from-request
        session.setAttribute(request.getParameter("key"), "enabled");
        // ruleid: trust-boundary/java-session-from-request
        session.putValue("level", request.getParameter("level"));
        List<String> visited = new ArrayList<>();
        visited.add(request.getParameter("page"));
        // ruleid: trust-boundary/java-session-from-request
        session.setAttribute("visited", visited);
        // ruleid: trust-boundary/java-session-from-request
        RequestContextHolder.currentRequestAttributes().setAttribute("currency", request.getHeader("X-Currency"),
            RequestAttributes.SCOPE_SESSION);
        remember(request.getSession(), "name", request.getParameter("name"));
        String userId = auth.verify(request.getParameter("user"), request.getParameter("password"));
        // ok: trust-boundary/java-session-from-request
        session.setAttribute("userId", userId);
    }

    public void lists(HttpServletRequest request) {
        HttpSession session = request.getSession();
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        fields.put("theme", "dark");
        fields.put("nick", request.getParameter("nick"));
        // ruleid: trust-boundary/java-session-from-request
        session.setAttribute("nick", fields.get("nick"));
        // ok: trust-boundary/java-session-from-request
        session.setAttribute("theme", fields.get("theme"));
        List<String> steps = new ArrayList<>();
        steps.add("start");
        steps.add(request.getParameter("step"));
        steps.add("end");
        steps.remove(0);
        // ruleid: trust-boundary/java-session-from-request
        session.setAttribute("step", steps.get(0));
        // ok: trust-boundary/java-session-from-request
        session.setAttribute("last", steps.get(1));
        java.util.Enumeration<String> names = request.getParameterNames();
        // A parameter's name is the client's to choose, like its value.
        // ruleid: trust-boundary/java-session-from-request
        session.setAttribute("first", names.nextElement());
    }

    public void viaHelpers(HttpServletRequest request) {
        Trim trim = new Trim();
        // ruleid: trust-boundary/java-session-from-request
        request.getSession().setAttribute("q", trim.apply(request.getParameter("q")));
        Fixed fixed = new Fixed();
        // ok: trust-boundary/java-session-from-request
        request.getSession().setAttribute("mode", fixed.apply(request.getParameter("mode")));
    }

    static class Trim { String apply(String s) { return s.trim(); } }
    static class Fixed { String apply(String s) { return "compact"; } }

    interface Auth { String verify(String user, String password); }
    private Auth auth;

    private void remember(HttpSession s, String key, String value) {
        // ruleid: trust-boundary/java-session-from-request
        s.setAttribute(key, value);
    }
}

@Controller
@SessionAttributes("region")
class RegionController {
    @PostMapping("/region")
    public String region(@RequestParam String region, @RequestParam String query, Model model) {
        // ruleid: trust-boundary/java-session-from-request
        model.addAttribute("region", region);
        // ok: trust-boundary/java-session-from-request
        model.addAttribute("query", query);
        return "redirect:/home";
    }
}
