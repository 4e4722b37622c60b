package com.example.rules;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyShell;
import groovy.util.Eval;
import java.util.HashMap;
import java.util.Map;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.jexl3.*;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

public class RuleEvaluator {

    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
    private final JexlEngine jexl = new JexlBuilder().create();

    private Object run(ScriptEngine target, String source) throws ScriptException {
        // ruleid: code-injection/java-script-engine-eval
        return target.eval(source);
    }

    public Object evaluate(HttpServletRequest request) throws Exception {
        String expression = request.getParameter("expr");
        // ruleid: code-injection/java-script-engine-eval
        Object a = engine.eval(expression);
        ScriptEngineManager manager = new ScriptEngineManager();
        // ruleid: code-injection/java-script-engine-eval
        Object b = manager.getEngineByName("nashorn").eval("var total = 1; " + expression);
        // ruleid: code-injection/java-script-engine-eval
        Object c = new GroovyShell().evaluate(expression);
        // ruleid: code-injection/java-script-engine-eval
        Object d = Eval.me(expression);
        // ruleid: code-injection/java-script-engine-eval
        Object e = jexl.createExpression(expression).evaluate(new MapContext());
        try (GroovyClassLoader loader = new GroovyClassLoader()) {
            // ruleid: code-injection/java-script-engine-eval
            Class<?> type = loader.parseClass(expression);
        }
        Map<String, String> parts = new HashMap<>();
        parts.put("render", expression);
        run(new ScriptEngineManager().getEngineByName("js"), parts.get("render"));
        return a != null ? a : b != null ? b : c != null ? c : d != null ? d : e;
    }

    @PostMapping("/rules/score")
    public Object score(@RequestParam("script") String script) {
        // ruleid: code-injection/java-script-engine-eval
        return jexl.createScript(script).execute(new MapContext());
    }

    public Object safe(HttpServletRequest request, Node ast, Env environment) throws ScriptException {
        double total = Double.parseDouble(request.getParameter("total"));
        Bindings bindings = engine.createBindings();
        bindings.put("total", total);
        // ok: code-injection/java-script-engine-eval
        Object result = engine.eval("total * 0.9", bindings);
        String rule = request.getHeader("X-Rule");
        rule = "price * 0.95";
        // ok: code-injection/java-script-engine-eval
        Object overwritten = engine.eval("var price = 100; " + rule);
        // ok: code-injection/java-script-engine-eval
        Object constant = new GroovyShell().evaluate("1 + 1");
        // ok: code-injection/java-script-engine-eval
        Object node = ast.eval(environment);
        return constant != null ? overwritten : node;
    }

    public Object maintenance(String script) throws ScriptException {
        // A parameter of a method nobody here calls with request data: a note, not a finding.
        // ok: code-injection/java-script-engine-eval
        return engine.eval(script);
    }
}
