package com.example.rules;

import groovy.lang.GroovyShell;
import groovy.util.Eval;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

public class RuleEvaluator {

    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");

    public Object evaluate(String expression) throws ScriptException {
        // ruleid: code-injection/java-script-engine-eval
        return engine.eval(expression);
    }

    public Object evaluateWith(ScriptEngineManager manager, String expression) throws ScriptException {
        // ruleid: code-injection/java-script-engine-eval
        return manager.getEngineByName("nashorn").eval(expression);
    }

    public Object discount(String formula, double total) throws ScriptException {
        // ruleid: code-injection/java-script-engine-eval
        return engine.eval("var total = " + total + "; " + formula);
    }

    public Object groovy(String code) {
        // ruleid: code-injection/java-script-engine-eval
        Object a = new GroovyShell().evaluate(code);
        // ruleid: code-injection/java-script-engine-eval
        Object b = Eval.me(code);
        return a != null ? a : b;
    }

    public Object safe(double total, Node ast, Env environment) throws ScriptException {
        Bindings bindings = engine.createBindings();
        bindings.put("total", total);
        // ok: code-injection/java-script-engine-eval
        Object result = engine.eval("total * 0.9", bindings);
        // ok: code-injection/java-script-engine-eval
        Object constant = new GroovyShell().evaluate("1 + 1");
        // ok: code-injection/java-script-engine-eval
        Object parsed = Double.valueOf(String.valueOf(result));
        // ok: code-injection/java-script-engine-eval
        Object node = ast.eval(environment);
        return constant != null ? parsed : result;
    }
}
