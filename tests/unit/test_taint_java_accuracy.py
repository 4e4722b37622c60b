"""Java taint accuracy: focused flows through variables, helpers, containers and branches, and the
sanitised and constant variants that must stay quiet (no flow, and no pattern note either)."""

from __future__ import annotations

import textwrap

from shoal.analysis import parser
from shoal.models import Finding, Severity
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules

ENGINE = RuleEngine(RuleSet(builtin_rules()))
EXEC = "command-injection/java-runtime-exec"
BUILDER = "command-injection/java-process-builder"

HEAD = """\
import javax.servlet.http.*;
import java.util.*;

class Handler extends HttpServlet {
"""


def scan(body: str) -> list[Finding]:
    source = (HEAD + textwrap.indent(textwrap.dedent(body), "    ") + "}\n").encode()
    findings, diagnostics = ENGINE.run("java", parser.parse(source, "java"), source, "Handler.java")
    assert not diagnostics, diagnostics
    return findings


def rules(body: str, *, notes: bool = True) -> set[str]:
    """The rules reporting anything (flows, and the pattern notes unless `notes` is False)."""
    return {f.rule_id for f in scan(body) if notes or f.severity != Severity.NOTE}


def test_a_constant_command_is_proven_safe_so_its_pattern_note_is_dropped() -> None:
    assert EXEC not in rules("""
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            String user = req.getParameter("u");
            String cmd = "uptime";
            Runtime.getRuntime().exec(cmd);
        }
    """)


def test_a_value_overwritten_by_a_constant_is_proven_safe() -> None:
    assert EXEC not in rules("""
        void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            String target = req.getParameter("target");
            target = "/var/backups/nightly";
            Runtime.getRuntime().exec("rsync -a /srv/data " + target);
        }
    """)


def test_a_command_of_unknown_origin_stays_a_note() -> None:
    found = scan("""
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            String who = req.getParameter("u");
            Runtime.getRuntime().exec(loadCommand());
        }
    """)
    assert [f.severity for f in found if f.rule_id == EXEC] == [Severity.NOTE]


def test_a_sink_in_a_branch_that_never_runs_reports_nothing() -> None:
    assert EXEC not in rules("""
        private static final boolean DEBUG = false;
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            String filter = req.getParameter("filter");
            if (DEBUG) {
                Runtime.getRuntime().exec("grep " + filter + " /var/log/app.log");
            }
        }
    """)


def test_a_helper_called_only_with_safe_values_is_proven_safe_and_with_request_data_is_a_flow() -> None:
    helper = """
        private void run(String what) throws Exception {
            Runtime.getRuntime().exec("lp " + what);
        }
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            String who = req.getParameter("u");
            run(%s);
        }
    """
    assert EXEC not in rules(helper % '"report.pdf"')
    assert EXEC not in rules(helper % "String.valueOf(Integer.parseInt(who))")
    assert EXEC in rules(helper % "who", notes=False)


def test_a_public_helper_nobody_calls_keeps_its_note() -> None:
    assert EXEC in rules("""
        public void run(String what) throws Exception {
            Runtime.getRuntime().exec("lp " + what);
        }
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            run2(req.getParameter("u"));
        }
    """)


def _command(body: str, notes: bool = True) -> set[str]:
    return rules(f"""
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {{
            String v = req.getParameter("v");
            {textwrap.dedent(body).strip()}
        }}
    """, notes=notes)


def test_a_value_given_to_a_shell_script_is_a_flow_however_the_vector_is_built() -> None:
    for body in (
        'new ProcessBuilder("sh", "-c", "grep " + v).start();',
        'String[] cmd = {"/bin/bash", "-c", "du -sh " + v};\nRuntime.getRuntime().exec(cmd);',
        ('List<String> a = new ArrayList<>();\na.add("sh");\na.add("-c");\na.add("convert " + v);\n'
         'new ProcessBuilder(a).start();'),
        ('String[] argv = new String[3];\nargv[0] = "sh";\nargv[1] = "-c";\nargv[2] = "dig " + v;\n'
         'Runtime.getRuntime().exec(argv);'),
        'ProcessBuilder b = new ProcessBuilder();\nb.command("cmd.exe", "/c", "ping " + v);',
        'Runtime.getRuntime().exec("ping -c 1 " + v);',  # one string: split on spaces, options and all
        'new ProcessBuilder(v, "--version").start();',  # the program itself
    ):
        found = _command(body, notes=False)
        assert found & {EXEC, BUILDER}, body


def test_a_value_passed_as_a_plain_argument_after_dashes_or_a_constant_prefix_is_safe() -> None:
    for body in (
        'new ProcessBuilder("tar", "czf", "/tmp/out.tgz", "--", v).start();',
        'new ProcessBuilder("mogrify", "-resize", "10", "/srv/img/" + v).start();',
        'List<String> a = new ArrayList<>(List.of("git", "clone", "--", v));\nnew ProcessBuilder(a).start();',
        'Runtime.getRuntime().exec(new String[] {"systemctl", "restart", "--", v});',
    ):
        found = _command(body)
        assert not found & {EXEC, BUILDER}, body


def test_a_vector_changed_on_one_branch_only_is_judged_whole() -> None:
    found = _command("""
        List<String> a = new ArrayList<>(List.of("ls", "-l"));
        if (v.isEmpty()) { a.add(v); }
        new ProcessBuilder(a).start();
    """)
    assert BUILDER in found


def test_a_map_filled_with_constants_gives_constants() -> None:
    assert EXEC not in _command("""
        Map<String, String> paths = new HashMap<>();
        paths.put("date", "/bin/date");
        String exe = paths.getOrDefault(v, "/bin/true");
        Runtime.getRuntime().exec(new String[] {exe});
    """)
    assert EXEC in _command("""
        Map<String, String> paths = new HashMap<>();
        paths.put("date", v);
        Runtime.getRuntime().exec(new String[] {paths.get("date")});
    """, notes=False)


def test_numbers_and_ip_addresses_are_clean_for_commands() -> None:
    assert not _command("""
        long id = Long.parseLong(v);
        new ProcessBuilder("sh", "-c", "pdftotext /srv/" + id + ".pdf").start();
        java.net.InetAddress addr = java.net.InetAddress.getByName(v);
        Runtime.getRuntime().exec("ping " + addr.getHostAddress());
    """) & {EXEC, BUILDER}


def _flows(source: str, rule: str) -> list[int]:
    """Lines of the flows (not notes) of `rule` in a whole Java file."""
    data = textwrap.dedent(source).encode()
    findings, diagnostics = ENGINE.run("java", parser.parse(data, "java"), data, "App.java")
    assert not diagnostics, diagnostics
    return sorted(f.location.start_line for f in findings if f.rule_id == rule and f.severity != Severity.NOTE)


SPRING = """\
import java.net.*;
import java.nio.file.*;
import java.util.*;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.util.HtmlUtils;

@Controller
class Web {
"""


def test_a_spring_handler_producing_html_returns_into_the_page() -> None:
    rule = "xss/java-servlet-reflected-xss"
    lines = _flows(SPRING + """\
    @GetMapping(value = "/a", produces = "text/html")
    @ResponseBody
    public String a(@RequestParam String q) {
        return "<p>" + q + "</p>";
    }
    @GetMapping(value = "/b", produces = "text/html")
    @ResponseBody
    public String b(@RequestParam String q) {
        return "<p>" + HtmlUtils.htmlEscape(q) + "</p>";
    }
    @GetMapping("/c")
    public String c(@RequestParam String q) {
        return q;
    }
}
""", rule)
    assert lines == [13]


def test_a_helper_that_reads_the_request_is_a_source_for_its_callers() -> None:
    lines = _flows("""\
import java.net.URL;
import javax.servlet.http.*;

class Meta extends HttpServlet {
    private String base(HttpServletRequest req) {
        return "http://" + req.getParameter("region") + ".internal";
    }
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        URL u = new URL(base(req) + "/info");
        u.openStream();
    }
}
""", "ssrf/java-tainted-url")
    assert lines == [10]


def test_a_url_or_path_checked_after_it_was_built_is_safe_and_unchecked_is_a_flow() -> None:
    source = SPRING + """\
    private static final Set<String> HOSTS = Set.of("cdn.example.com");
    private static final Path ROOT = Paths.get("/srv/files");
    @GetMapping("/fetch")
    public Object fetch(@RequestParam String url, @RequestParam String name) throws Exception {
        URL target = new URL(url);
        if (!HOSTS.contains(target.getHost())) {
            return "no";
        }
        target.openStream();
        Path p = ROOT.resolve(name).normalize();
        if (!p.startsWith(ROOT)) {
            return "no";
        }
        Files.readAllBytes(p);
        Files.readAllBytes(ROOT.resolve(name));
        return new URL(url).openStream();
    }
}
"""
    assert _flows(source, "ssrf/java-tainted-url") == [25]
    assert _flows(source, "path-traversal/java-tainted-path") == [24]


def test_spring_redirect_views_and_switch_constants() -> None:
    source = SPRING + """\
    @GetMapping("/out")
    public String out(@RequestParam String to, @RequestParam String kind) {
        String local = switch (kind) {
            case "a" -> "/a";
            default -> "/home";
        };
        if (kind.isEmpty()) {
            return "redirect:" + local;
        }
        if (to.isEmpty()) {
            return "redirect:/search?q=" + to;
        }
        return "redirect:" + to;
    }
}
"""
    assert _flows(source, "open-redirect/java-tainted-redirect") == [22]


SESSION = "trust-boundary/java-session-from-request"


def _session(body: str) -> set[str]:
    """Whether request data (`v`) reaches the session attribute set at the end of `body`."""
    return rules(f"""
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {{
            String v = req.getParameter("v");
            {textwrap.dedent(body).strip()}
            req.getSession().setAttribute("k", out);
        }}
    """, notes=False)


def test_a_value_set_before_a_break_leaves_the_loop() -> None:
    assert SESSION in _session("""
        String out = "";
        for (Cookie c : req.getCookies()) {
            if (c.getName().equals("a")) { out = c.getValue(); break; }
        }
    """)
    assert SESSION in _session("""
        String out = "";
        int i = 0;
        while (i < 3) { i++; if (i == 2) { out = v; continue; } }
    """)


def test_a_switch_falls_through_to_the_next_break_and_a_constant_subject_picks_its_arm() -> None:
    arms = """
        String out;
        switch (pick) {
            case 'A': out = v; break;
            case 'B': out = "fixed"; break;
            case 'C':
            case 'D': out = v; break;
            default: out = "other";
        }
    """
    assert SESSION in _session("char pick = req.getHeader(\"h\").charAt(0);" + arms)  # unknown: any arm
    assert SESSION in _session('char pick = "ABC".charAt(2);' + arms)  # 'C' falls into 'D'
    assert SESSION not in _session('char pick = "ABC".charAt(1);' + arms)  # 'B' only
    assert SESSION not in _session('char pick = \'Z\';' + arms)  # the default


def test_comparisons_of_known_numbers_fold_with_java_integer_division() -> None:
    assert SESSION not in _session('int n = 86;\nString out = (7 * 42) - n > 200 ? "fixed" : v;')
    assert SESSION in _session('int n = 106;\nString out = (7 * 18) + n > 300 ? "fixed" : v;')
    assert SESSION not in _session('int n = 196;\nString out;\nif ((500 / 42) + n > 200) out = "x"; else out = v;')
    assert SESSION in _session('int n = 188;\nString out;\nif ((500 / 42) + n > 200) out = "x"; else out = v;')


def test_map_entries_and_list_elements_are_followed_by_constant_key_and_index() -> None:
    fill = 'Map<String, Object> m = new HashMap<>();\nm.put("a", "safe");\nm.put("b", v);\n'
    assert SESSION in _session(fill + 'String out = (String) m.get("b");')
    assert SESSION not in _session(fill + 'String out = (String) m.get("a");')
    assert SESSION not in _session(fill + 'String out = (String) m.get("b");\nout = (String) m.get("a");')
    assert SESSION in _session(fill + 'String out = (String) m.get(req.getHeader("k"));')  # unknown key
    fill = 'List<String> l = new ArrayList<>();\nl.add("safe");\nl.add(v);\nl.add("more");\nl.remove(0);\n'
    assert SESSION in _session(fill + "String out = l.get(0);")
    assert SESSION not in _session(fill + "String out = l.get(1);")


def test_request_parameter_and_header_names_are_untrusted() -> None:
    assert SESSION in _session("String out = req.getHeaderNames().nextElement();")
    assert SESSION in _session("Enumeration<String> e = req.getParameterNames();\nString out = e.nextElement();")


def test_a_method_of_an_inner_class_called_on_a_new_instance_is_followed() -> None:
    source = HEAD + textwrap.indent(textwrap.dedent("""
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            req.getSession().setAttribute("a", new Keep().run(req.getParameter("v")));
            req.getSession().setAttribute("b", new Drop().run(req.getParameter("v")));
        }
        private class Keep { String run(String s) { return s.trim(); } }
        private class Drop { String run(String s) { return "constant"; } }
    """), "    ") + "}\n"
    data = source.encode()
    findings, _ = ENGINE.run("java", parser.parse(data, "java"), data, "Handler.java")
    lines = sorted(f.location.start_line for f in findings if f.rule_id == SESSION and f.severity != Severity.NOTE)
    assert lines == [7]


def test_a_shell_picked_on_any_branch_stays_a_shell_after_the_join() -> None:
    both = _command("""
        List<String> a = new ArrayList<>();
        if (v.length() > 3) { a.add("cmd.exe"); a.add("/c"); } else { a.add("sh"); a.add("-c"); }
        a.add("echo " + v);
        new ProcessBuilder(a).start();
    """, notes=False)
    assert BUILDER in both
    one = _command("""
        List<String> a = new ArrayList<>();
        if (v.length() > 3) { a.add("sh"); a.add("-c"); } else { a.add("/usr/bin/echo"); a.add("-n"); }
        a.add("echo " + v);
        new ProcessBuilder(a).start();
    """, notes=False)
    assert BUILDER in one  # a shell on one path is enough
    neither = _command("""
        List<String> a = new ArrayList<>();
        if (v.length() > 3) { a.add("/usr/bin/file"); } else { a.add("/usr/bin/stat"); }
        a.add("/srv/" + v);
        new ProcessBuilder(a).start();
    """)
    assert BUILDER not in neither  # no shell on any path: an argument after a constant prefix


def test_a_known_side_decides_and_and_or() -> None:
    assert SESSION not in _session('int n = 3;\nString out = n > 5 && v.isEmpty() ? v : "fixed";')
    assert SESSION in _session('int n = 3;\nString out = n < 5 || v.isEmpty() ? v : "fixed";')
    assert SESSION in _session('String out = v.isEmpty() && v.length() > 2 ? v : "fixed";')  # unknown: both


def test_a_helper_that_only_returns_constants_gives_its_callers_a_constant() -> None:
    helpers = """
        private static String pick(String s) {
            String out = "alsosafe";
            if (s != null) { List<String> l = new ArrayList<>(); l.add("a"); l.add(s); out = l.get(0); }
            return out;
        }
        private static String keep(String s) { return s == null ? "" : s; }
    """
    assert EXEC not in rules(helpers + """
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            Runtime.getRuntime().exec("ls " + pick(req.getParameter("v")));
        }
    """)  # neither a flow nor a note: the command is built from constants only
    assert EXEC in rules(helpers + """
        void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
            Runtime.getRuntime().exec("ls " + keep(req.getParameter("v")));
        }
    """, notes=False)


def test_a_method_called_on_a_variable_of_a_class_this_file_declares_uses_its_summary() -> None:
    source = HEAD + textwrap.indent(textwrap.dedent("""
        void doGet(HttpServletRequest req, HttpServletResponse resp, Shape shape) throws Exception {
            Keep k = new Keep();
            req.getSession().setAttribute("a", k.run(req.getParameter("v")));
            Drop d = new Drop();
            req.getSession().setAttribute("b", d.run(req.getParameter("v")));
            Shape s = shape;
            req.getSession().setAttribute("c", s.run(req.getParameter("v")));
        }
        static class Keep { String run(String s) { return s.trim(); } }
        static class Drop { String run(String s) { return "constant"; } }
        interface Shape { String run(String s); }
    """), "    ") + "}\n"
    data = source.encode()
    findings, _ = ENGINE.run("java", parser.parse(data, "java"), data, "Handler.java")
    lines = sorted(f.location.start_line for f in findings if f.rule_id == SESSION and f.severity != Severity.NOTE)
    assert lines == [8, 12]  # Drop gives back a constant; an interface's method is not known, so it carries
