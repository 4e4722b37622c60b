"""Taint tracking in JavaScript and TypeScript: Express and Koa handlers, the constructs values
flow through, what makes them safe, and the sink conditions and notes the engine decides."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from shoal.analysis import parser
from shoal.models import Finding, Severity
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleError, RuleSet, builtin_rules, parse_rule

CMD = "command-injection/js-child-process-exec"
_ENGINE = RuleEngine(RuleSet(builtin_rules()))


def scan(code: str, path: str = "app.js", engine: RuleEngine = _ENGINE) -> list[Finding]:
    source = textwrap.dedent(code).encode()
    language = {"js": "javascript", "ts": "typescript", "tsx": "tsx"}[path.rsplit(".", 1)[-1]]
    findings, diagnostics = engine.run(language, parser.parse(source, language), source, path)
    assert not diagnostics, diagnostics
    return findings


def found(code: str, rule: str, path: str = "app.js") -> list[tuple[int, str]]:
    """(line, severity) of `rule`'s findings: flows are errors or warnings, bare matches notes."""
    return sorted((f.location.start_line, f.severity.value) for f in scan(code, path) if f.rule_id == rule)


def test_a_note_on_a_sink_that_only_constants_reach_is_dropped_and_an_unknown_one_stays() -> None:
    code = """\
        const { exec } = require('child_process');
        app.get('/logs', (req, res) => {
          const lines = [req.query.a, req.query.b];
          const cmd = 'tail -n 50 /var/log/app.log';
          exec(cmd, (err, out) => res.json({ lines, out }));
          const command = settings.command;
          exec(command, () => {});
        });
        """
    assert found(code, CMD) == [(7, Severity.NOTE.value)]


USER_RULE = """\
id: house/js-run-script
name: HouseRunScript
severity: error
confidence: high
mode: taint
message: "request data reaches {sink}()"
languages: [javascript]
sinks:
  - pattern: runner.run
    class: command
    args: [1]
    when: [{arg: 0, matches: "^(ba)?sh$"}]
    except: [{arg: 2, property: sandbox, matches: "^true$"}]
"""


def test_sink_conditions_decide_whether_a_call_is_the_sink() -> None:
    rule = parse_rule(yaml.safe_load(USER_RULE), "rules/run.yaml")
    engine = RuleEngine(RuleSet((*builtin_rules(), rule)))
    code = """\
        const runner = require('runner');
        app.get('/x', (req, res) => {
          const v = req.query.v;
          runner.run('bash', v);
          runner.run('python3', v);
          runner.run('sh', v, { sandbox: true });
          runner.run('sh', v, { sandbox: false, cwd: req.query.dir });
        });
        """
    lines = [f.location.start_line for f in scan(code, engine=engine) if f.rule_id == rule.id]
    assert lines == [4, 7]


def test_a_sink_condition_with_a_regex_re2_cannot_read_is_refused() -> None:
    data = yaml.safe_load(USER_RULE)
    data["sinks"][0]["when"] = [{"arg": 0, "matches": "(?<=a)b"}]
    with pytest.raises(RuleError, match="rules/run.yaml.*RE2"):
        parse_rule(data, "rules/run.yaml")


LDAP = "ldap-injection/js-tainted-filter"
XPATH = "xpath-injection/js-tainted-xpath"
SESSION = "trust-boundary/js-session-from-request"
HEAD = """\
const ldap = require('ldapjs');
const xpath = require('xpath');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const ROLES = new Set(['viewer', 'editor']);
const SITES = { oslo: 'OSL-1', bergen: 'BGO-2' };
"""


@pytest.mark.parametrize(
    ("body", "rule", "expected"),
    [
        # a constant object looked up with request data gives one of its values
        ("const site = SITES[String(req.query.location)] ?? 'OSL-1';\nclient.search('dc=corp', { filter: `(l=${site})` });", LDAP, False),
        ("const site = req.query.location;\nclient.search('dc=corp', { filter: `(l=${site})` });", LDAP, True),
        # a check of a header read makes the same read a known value
        ("const role = ROLES.has(req.get('X-Role')) ? req.get('X-Role') : 'viewer';\nclient.search('dc=corp', { filter: '(role=' + role + ')' });", LDAP, False),
        ("const role = req.get('X-Role');\nclient.search('dc=corp', { filter: '(role=' + role + ')' });", LDAP, True),
        # closures see the handler's variables; array callbacks get the elements
        ("const role = req.get('X-Role');\nreturn new Promise((resolve) => client.search('dc=corp', { filter: '(role=' + role + ')' }, resolve));", LDAP, True),
        ("const preds = [].concat(req.query.w).map((w) => `@w='${w}'`);\nxpath.select(`//item[${preds.join(' or ')}]`, doc);", XPATH, True),
        ("const preds = [].concat(req.query.w).map((w) => '@w');\nxpath.select(`//item[${preds.join(' or ')}]`, doc);", XPATH, False),
        ("const all = xpath.select('//order', doc);\nres.json(all.filter((o) => o.id === req.query.id));", XPATH, False),
        # filter objects escape their values; parseFilter reads a filter's text
        ("const filter = new ldap.EqualityFilter({ attribute: 'uid', value: String(req.query.u) });\nclient.search('dc=corp', { filter });", LDAP, False),
        ("client.search('dc=corp', { filter: ldap.parseFilter(`(uid=${req.query.u})`) });", LDAP, True),
        # session writes: by property, by a request key, Object.assign
        ("req.session.role = req.body.role;", SESSION, True),
        ("req.session[req.body.attr] = 'enabled';", SESSION, True),
        ("Object.assign(req.session, req.body);", SESSION, True),
        ("(req.session as any).account = req.body.account;", SESSION, True),
        ("req.session.theme = req.params.name === 'dark' ? 'dark' : 'light';", SESSION, False),
        ("req.session.visits = (req.session.visits || 0) + 1;", SESSION, False),
    ],
)
def test_flows_through_javascript_constructs(body: str, rule: str, expected: bool) -> None:
    code = HEAD + "app.get('/x', async (req, res) => {\n" + textwrap.indent(body, "  ") + "\n});\n"
    flows = [line for line, severity in found(code, rule, "app.ts") if severity != Severity.NOTE.value]
    assert bool(flows) is expected, flows


EVAL = "code-injection/js-eval"
VM = "code-injection/js-vm-run-code"


@pytest.mark.parametrize(
    ("body", "rule", "expected"),
    [
        # spawn and execFile are a shell only when told so, by the program or the option
        ("cp.spawn('bash', ['-c', 'dig ' + req.query.name]);", CMD, True),
        ("cp.execFileSync('/bin/sh', ['-c', `lp ${req.query.doc}`]);", CMD, True),
        ("cp.spawn('grep ' + req.query.p, { shell: true });", CMD, True),
        ("cp.spawn('grep', ['-e', req.query.p]);", CMD, False),
        ("cp.spawn('dig', ['+short', req.query.name], { shell: false });", CMD, False),
        # an indirect eval is still eval
        ("(0, eval)(`const c = ${req.cookies.theme};`);", EVAL, True),
        # the shorthand { code } is the variable's value
        ("const code = req.body.code;\nvm.runInNewContext(code, { code });", VM, True),
        ("const script = new vm.Script(req.body.template);", VM, True),
    ],
)
def test_command_and_code_sinks(body: str, rule: str, expected: bool) -> None:
    code = ("const cp = require('child_process');\nconst vm = require('vm');\n"
            "app.post('/x', (req, res) => {\n" + textwrap.indent(body, "  ") + "\n});\n")
    flows = [line for line, severity in found(code, rule) if severity != Severity.NOTE.value]
    assert bool(flows) is expected, flows


REDIRECT = "open-redirect/js-express-redirect"
SSRF = "ssrf/js-tainted-url"
PATH = "path-traversal/js-tainted-path"


@pytest.mark.parametrize(
    ("body", "rule", "expected"),
    [
        # a fixed origin or a path of this site in front: what follows cannot move the target
        ("res.redirect('/search?q=' + req.query.q);", REDIRECT, False),
        ("res.redirect('/' + req.query.q);", REDIRECT, True),
        ("res.redirect(`https://app.example.com/${req.query.p}`);", REDIRECT, False),
        ("res.redirect(`https://${req.query.host}/home`);", REDIRECT, True),
        ("await fetch('https://search.example.com/api?' + new URLSearchParams({ q: req.query.q }));", SSRF, False),
        ("await fetch('https://' + req.query.host + '/api');", SSRF, True),
        # checks: host allow-list (through || and !), a site path that is not protocol-relative
        ("const u = new URL(String(req.query.url));\nif (u.protocol !== 'https:' || !HOSTS.has(u.hostname)) return;\nawait axios.get(u.toString());", SSRF, False),
        ("const u = new URL(String(req.query.url));\nif (u.protocol !== 'https:') return;\nawait axios.get(u.toString());", SSRF, True),
        ("let n = String(req.query.next);\nif (!n.startsWith('/') || n.startsWith('//')) n = '/';\nres.redirect(n);", REDIRECT, False),
        ("let n = String(req.query.next);\nif (!n.startsWith('/')) n = '/';\nres.redirect(n);", REDIRECT, True),
        # Location headers
        ("res.setHeader('Location', req.body.back);", REDIRECT, True),
        ("res.setHeader('X-Back', req.body.back);", REDIRECT, False),
        ("res.status(301).location(req.query.dest).end();", REDIRECT, True),
        # a helper that reads the request itself and returns it
        ("res.redirect(target(req));", REDIRECT, True),
        # paths: fs/promises, a containment check, sendFile confined by root
        ("await readFile(path.join('/srv', req.params.f));", PATH, True),
        ("const t = path.resolve(BASE, String(req.query.f));\nif (!t.startsWith(BASE + path.sep)) return;\nawait readFile(t);", PATH, False),
        ("res.sendFile(req.params.name, { root: '/var/reports' });", PATH, False),
        ("res.sendFile(req.params.name);", PATH, True),
        ("for (const f of req.body.files) fs.copyFileSync('/tmp/x', path.join('/srv', f));", PATH, True),
    ],
)
def test_destinations_and_paths(body: str, rule: str, expected: bool) -> None:
    code = ("const fs = require('fs');\nconst path = require('path');\nconst axios = require('axios');\n"
            "const { readFile } = require('fs/promises');\nconst BASE = path.resolve('/srv');\n"
            "const HOSTS = new Set(['docs.example.com']);\n"
            "function target(req) {\n  return req.query.target || '/home';\n}\n"
            "app.get('/x', async (req, res) => {\n" + textwrap.indent(body, "  ") + "\n});\n")
    flows = [line for line, severity in found(code, rule) if severity != Severity.NOTE.value]
    assert bool(flows) is expected, flows


XSS = "xss/js-express-reflected"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("res.status(404).send(`<h1>No user ${req.params.name}</h1>`);", True),
        ("res.type('text/html').send('<b>' + req.query.q + '</b>');", True),
        ("res.type('text/plain').send('<b>' + req.query.q + '</b>');", False),
        ("res.set('Content-Type', 'application/json');\nres.send('{\"q\": \"' + req.query.q + '\"}');", False),
        ("res.send({ q: req.query.q });", False),
        ("ctx.body = { promo: ctx.cookies.get('promo') };", False),
        ("ctx.body = `<p>${ctx.cookies.get('promo')}</p>`;", True),
        ("res.send(`<p>${String(req.query.q).length} characters</p>`);", False),
        # a template engine escapes unless the template has an unescaped tag
        ("res.send(ejs.render('<p><%= m %></p>', { m: req.query.m }));", False),
        ("res.send(ejs.render('<p><%- m %></p>', { m: req.query.m }));", True),
        ("res.send(ejs.render(req.query.tpl, { m: 1 }));", True),
        # rows of a Map built from request data
        ("const rows = new Map([['Email', req.body.email]]);\nlet html = '';\nfor (const [k, v] of rows) html += `<td>${v}</td>`;\nres.send(html);", True),
    ],
)
def test_responses(body: str, expected: bool) -> None:
    code = ("const ejs = require('ejs');\n"
            "app.get('/x', async (req, res, ctx) => {\n" + textwrap.indent(body, "  ") + "\n});\n")
    flows = [line for line, severity in found(code, XSS) if severity != Severity.NOTE.value]
    assert bool(flows) is expected, flows


def test_a_note_in_a_branch_that_never_runs_is_dropped() -> None:
    code = """\
        const vm = require('vm');
        const DEBUG_EVAL = false;
        app.get('/e', (req, res) => {
          const snippet = settings.snippet;
          if (DEBUG_EVAL) {
            vm.runInNewContext(snippet);
          }
          res.json({ value: vm.runInNewContext(snippet), asked: req.query.s });
        });
        """
    assert found(code, VM) == [(8, Severity.NOTE.value)]


def test_koa_typed_context_is_a_source_and_its_session_a_sink() -> None:
    code = """\
        import Koa, { Context } from 'koa';
        const app = new Koa();
        app.use(async (ctx: Context) => {
          const { currency } = ctx.request.body as { currency: string };
          ctx.session!.currency = currency;
          ctx.session!.path = ctx.path.split('/').pop();
        });
        """
    assert [line for line, _ in found(code, SESSION, "app.ts")] == [5, 6]


def test_an_and_with_false_is_false_whatever_the_other_side() -> None:
    code = """\
        const isProduction = process.env.NODE_ENV === 'production';
        app.post('/cart', (req, res) => {
          res.cookie('cart', id, { httpOnly: true, secure: isProduction && false });
          res.cookie('cart', id, { httpOnly: true, secure: isProduction || true });
          res.sendStatus(204);
        });
        """
    assert found(code, "cookie/js-express-cookie-not-secure") == [(3, Severity.WARNING.value)]


def test_node_serialize_of_a_constant_or_in_a_dead_branch_is_no_finding() -> None:
    code = """\
        const serialize = require('node-serialize');
        const LEGACY = false;
        app.post('/drafts', (req, res) => {
          if (LEGACY) {
            return res.json(serialize.unserialize(req.body.draft));
          }
          const fixed = serialize.unserialize('{"theme":"dark"}');
          res.json([serialize.unserialize(req.cookies.state), fixed]);
        });
        """
    assert found(code, "deserialization/js-node-serialize") == [(8, Severity.ERROR.value)]
