"""JavaScript and TypeScript (TSX too) adapter of the taint interpreter."""

from __future__ import annotations

from functools import partial

import operator
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from tree_sitter import Node

from shoal.analysis.taint.core import (
    NOT_CONST,
    SOME_CONST,
    UNKNOWN,
    Interpreter,
    Param,
    Spec,
    Unit,
    Value,
    join,
    merge_taints,
    text,
    union,
)

FUNCTIONS = frozenset({"function_declaration", "function_expression", "generator_function_declaration",
                       "generator_function", "arrow_function", "method_definition", "function"})
_STOPS = frozenset({"return_statement", "throw_statement", "break_statement", "continue_statement"})
_SKIP = frozenset({"comment", "import_statement", "empty_statement", "class_declaration", "interface_declaration",
                   "type_alias_declaration", "enum_declaration", "abstract_class_declaration", "debugger_statement"})
_FOLD: dict[str, Callable[[Any, Any], Any]] = {"-": operator.sub, "*": operator.mul}
_BOOLEAN = frozenset({"==", "===", "!=", "!==", "<", ">", "<=", ">=", "instanceof", "in"})
_CHECKS = frozenset({"includes", "has", "test"})
# Builders whose result is constant when their arguments are (`new Set(["a", "b"])`).
_CONSTANT_BUILDERS = frozenset({"Set", "Map", "Array", "Array.of", "Object.fromEntries", "Object.keys",
                                "Object.values", "Object.entries"})
# Array methods whose callback is called with each element: (element parameter, what the call gives:
# "mapped" the callback's results, "elements" the receiver's own elements).
_ITERATORS = {"map": "mapped", "flatMap": "mapped", "forEach": "none", "filter": "elements",
              "find": "elements", "findLast": "elements", "some": "none", "every": "none"}


def units(root: Node, functions: list[Node], qualify: Callable[[Node], str | None], spec: Spec) -> list[Unit]:
    found = [Unit(root, "<module>", root, [])]
    for node in functions:
        name, owner = _name(node)
        params = _params(node)
        found.append(Unit(node, f"{owner}.{name}" if owner else name, node.child_by_field_name("body"), params, owner))
    return found


def _name(node: Node) -> tuple[str, str | None]:
    named = node.child_by_field_name("name")
    if named is not None:
        owner = None
        if node.type == "method_definition" and node.parent is not None and node.parent.parent is not None:
            owner = text(node.parent.parent.child_by_field_name("name")) or None
        return text(named), owner
    parent = node.parent
    if parent is not None and parent.type == "variable_declarator":
        return text(parent.child_by_field_name("name")), None
    return f"<anonymous@{node.start_point[0] + 1}>", None


def _params(function: Node) -> list[Param]:
    node = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if node is None:
        return []
    children = [node] if node.type == "identifier" else node.named_children
    params = []
    for child in children:
        target = child
        if child.type in ("required_parameter", "optional_parameter"):
            target = child.child_by_field_name("pattern") or child
        if child.type == "assignment_pattern":
            target = child.child_by_field_name("left") or child
        if target.type == "rest_pattern" and target.named_children:
            target = target.named_children[0]
        if target.type == "identifier":
            params.append(Param(text(target), target))
        elif target.type in ("object_pattern", "array_pattern"):
            params.append(Param(text(target), target))  # bound by pattern when analysed
    return params


def key_of(node: Node) -> str | None:
    if node.type in ("identifier", "this", "shorthand_property_identifier_pattern"):
        return text(node)
    if node.type == "member_expression":
        base = node.child_by_field_name("object")
        inner = key_of(base) if base is not None else None
        return None if inner is None else f"{inner}.{text(node.child_by_field_name('property'))}"
    if node.type == "call_expression":
        # `ctx.get("X-Role")` read twice is the same value: a check of one cleans the other.
        function, arguments = node.child_by_field_name("function"), node.child_by_field_name("arguments")
        if function is None or function.type != "member_expression" or arguments is None:
            return None
        args = arguments.named_children
        if key_of(function) is None or not all(a.type in ("string", "number") for a in args):
            return None
        return f"{key_of(function)}({','.join(text(a) for a in args)})"
    return None


class Fact(NamedTuple):
    """What a condition proves about the value under `key`: "known" (one of some constants),
    "origin" (a URL whose host was checked), "prefix"/"not-prefix" (it starts, or not, with `prefix`)."""

    key: str
    node: Node
    kind: str
    prefix: Value | None = None


# A constant beginning that fixes a URL's scheme and host ("https://api.example.com/"), or a path
# on this site ("/search?q=", not "/" alone: "/" + "/evil.com" leaves the site).
_ORIGIN = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\]+[/?#]")
_SITE_PATH = re.compile(r"^/[^/\\]")
_DESTINATIONS = frozenset({"ssrf", "redirect"})


def _known(node: Node) -> list[Fact]:
    """`x === "a"` and kin: x is known; a checked `u.hostname` (host, origin) fixes where u goes."""
    key = key_of(node)
    if key is None:
        return []
    facts = [Fact(key, node, "known")]
    base = node.child_by_field_name("object") if node.type == "member_expression" else None
    if base is not None and key_of(base) is not None and key.rsplit(".", 1)[-1] in ("hostname", "host", "origin"):
        facts.append(Fact(key_of(base), base, "origin"))  # type: ignore[arg-type]
    return facts


def _settled(facts: list[Fact]) -> frozenset[str]:
    """The sink classes the checks of one value settle."""
    classes: set[str] = set()
    refused = {f.prefix.const for f in facts if f.kind == "not-prefix" and f.prefix is not None}
    for fact in facts:
        if fact.kind == "origin":
            classes |= _DESTINATIONS
        if fact.kind != "prefix" or fact.prefix is None:
            continue
        classes.add("path")  # a resolved path checked to start inside the base folder
        prefix = fact.prefix.const
        if isinstance(prefix, str) and (_ORIGIN.match(prefix) or _SITE_PATH.match(prefix)):
            classes |= _DESTINATIONS
        elif prefix == "/" and "//" in refused:
            classes.add("redirect")
    return frozenset(classes)


def fixed_origin(value: Value) -> frozenset[str]:
    """The classes a constant beginning makes safe for what is appended to it."""
    if isinstance(value.const, str) and not value.taints:
        if _ORIGIN.match(value.const):
            return _DESTINATIONS
        if _SITE_PATH.match(value.const):
            return frozenset({"redirect"})
    return frozenset()


_JSON = frozenset({"xss"})
_PLAIN = "#not-html"  # an env key suffix: this response's content type is not HTML
_RESPONSE_WRITES = frozenset({"send", "write", "end"})
_CONTENT_TYPES = frozenset({"type", "contentType", "set", "setHeader", "header"})


def _not_html(args: list[tuple[Value, Node]], method: str) -> bool:
    """`type("text/plain")`, `set("Content-Type", "application/json")`: a constant type without html."""
    if method in ("set", "setHeader", "header"):
        if len(args) < 2 or not isinstance(args[0][0].const, str) or args[0][0].const.lower() != "content-type":
            return False
        args = args[1:]
    kind = args[0][0].const
    return isinstance(kind, str) and "html" not in kind.lower() and "xml" not in kind.lower()


def _unwrap(node: Node) -> Node:
    while node.type in ("parenthesized_expression", "as_expression", "satisfies_expression") and node.named_children:
        node = node.named_children[0]
    return node


def _cleansed_for(value: Value, classes: frozenset[str]) -> Value:
    if not classes:
        return value
    return Value(value.const, tuple(t._replace(cleansed=t.cleansed | classes) for t in value.taints))


def _root(node: Node) -> Node | None:
    while node.type in ("member_expression", "subscript_expression", "call_expression"):
        inner = node.child_by_field_name("object") or node.child_by_field_name("function")
        if inner is None:
            return None
        node = inner
    return node if node.type == "identifier" else None


class JavascriptInterpreter(Interpreter):
    receiver_names = frozenset({"this"})

    def run_body(self) -> None:
        for param in self.unit.params:  # a destructured parameter: every name it binds
            if param.node.type in ("object_pattern", "array_pattern"):
                self.bind(param.node, self.env[param.name], param.node)
        body = self.unit.body
        if body is not None and body.type not in ("statement_block", "program", "class_body"):
            self.give_back(self.eval(body))  # an arrow function's expression body
        elif body is not None:
            self.exec(body)

    def exec(self, node: Node) -> bool:  # noqa: C901 - one dispatch over the grammar's statements
        self.tick()
        kind = node.type
        if kind in ("statement_block", "program", "class_body", "switch_body"):
            self.enter()
            try:
                for child in node.named_children:
                    if not self.exec(child):
                        return False
                return True
            finally:
                self.leave()
        if kind in _SKIP or kind in FUNCTIONS:
            return True
        if kind in ("lexical_declaration", "variable_declaration"):
            for declarator in node.named_children:
                if declarator.type == "variable_declarator":
                    value_node = declarator.child_by_field_name("value")
                    name = declarator.child_by_field_name("name")
                    if name is not None and value_node is not None:
                        self.bind(name, self.eval(value_node), declarator)
            return True
        if kind == "export_statement":
            for child in node.named_children:
                self.exec(child) if child.type.endswith(("declaration", "statement")) else self.eval(child)
            return True
        if kind == "expression_statement":
            for child in node.named_children:
                self.eval(child)
            return True
        if kind == "return_statement":
            values = [self.eval(c) for c in node.named_children]
            self.give_back(values[0] if values else Value(None))
            return False
        if kind in _STOPS:
            for child in node.named_children:
                self.eval(child)
            return False
        if kind == "if_statement":
            return self._if(node)
        if kind in ("for_statement", "for_in_statement", "while_statement", "do_statement"):
            return self._loop(node)
        if kind == "try_statement":
            body = node.child_by_field_name("body")
            ok = self.exec(body) if body is not None else True
            handler = node.child_by_field_name("handler")
            caught = handler.child_by_field_name("body") if handler is not None else None
            if caught is not None:
                ok = self.branch([partial(self.exec, caught)], fallthrough_without_arm=ok) or ok
            finalizer = node.child_by_field_name("finalizer")
            last = finalizer.child_by_field_name("body") if finalizer is not None else None
            if last is not None:
                ok = self.exec(last) and ok
            return ok
        if kind == "switch_statement":
            self.eval(node.child_by_field_name("value"))
            body = node.child_by_field_name("body")
            cases = body.named_children if body is not None else []
            arms = [lambda c=c: all(self.exec(s) for s in c.children_by_field_name("body")) for c in cases]
            return self.branch(arms, fallthrough_without_arm=True)
        if kind == "else_clause":
            return all(self.exec(c) for c in node.named_children)
        if kind == "labeled_statement":
            body = node.child_by_field_name("body")
            return self.exec(body) if body is not None else True
        for child in node.named_children:
            self.eval(child)
        return True

    def _if(self, node: Node) -> bool:
        condition = node.child_by_field_name("condition")
        folded = _truth(self.eval(condition))
        when_true, when_false = self.refinements(condition)
        body, alternative = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")

        def then() -> bool:
            self.refine(when_true)
            return self.exec(body) if body is not None else True

        def otherwise() -> bool:
            self.refine(when_false)
            return self.exec(alternative) if alternative is not None else True

        if folded is True:
            self.file.skipped(alternative)
            return then()
        if folded is False:
            self.file.skipped(body)
            return otherwise()
        return self.branch([then, otherwise], fallthrough_without_arm=False)

    def refinements(self, condition: Node | None) -> tuple[list[Fact], list[Fact]]:
        """What a condition proves when true and when false: `ALLOWED.includes(x)`, `x === "a"`,
        `/^\\d+$/.test(x)` make x a known value; `HOSTS.has(u.hostname)` fixes where the URL u
        goes; `x.startsWith(prefix)` fixes how x begins. `&&` and `||` combine them."""
        if condition is None:
            return [], []
        kind = condition.type
        if kind == "parenthesized_expression" and condition.named_children:
            return self.refinements(condition.named_children[-1])
        if kind == "unary_expression" and text(condition.child_by_field_name("operator")) == "!":
            true, false = self.refinements(condition.child_by_field_name("argument"))
            return false, true
        if kind == "binary_expression":
            op = text(condition.child_by_field_name("operator"))
            left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
            if left is None or right is None:
                return [], []
            if op in ("&&", "||"):
                left_true, left_false = self.refinements(left)
                right_true, right_false = self.refinements(right)
                return (left_true + right_true, []) if op == "&&" else ([], left_false + right_false)
            if op in ("===", "==", "!==", "!="):
                other = self.eval(right)
                if key_of(left) is not None and other.constant and not other.taints:
                    facts = _known(left)
                    return (facts, []) if op in ("===", "==") else ([], facts)
        if kind == "call_expression":
            function = condition.child_by_field_name("function")
            arguments = condition.child_by_field_name("arguments")
            args = arguments.named_children if arguments is not None else []
            if function is not None and function.type == "member_expression" and args:
                method = text(function.child_by_field_name("property"))
                receiver = function.child_by_field_name("object")
                if method in _CHECKS and receiver is not None and key_of(args[0]) is not None:
                    value = self.eval(receiver)
                    if receiver.type == "regex" or (value.constant and not value.taints):
                        return _known(args[0]), []
                if method == "startsWith" and receiver is not None and key_of(receiver) is not None:
                    prefix = self.eval(args[0])
                    if not prefix.taints:
                        fact = Fact(key_of(receiver), receiver, "prefix", prefix)  # type: ignore[arg-type]
                        return [fact], [fact._replace(kind="not-prefix")]
        return [], []

    def refine(self, facts: list[Fact]) -> None:
        """Apply what a branch's condition proved: known values are constants; a checked
        destination or prefix makes a value safe for the sink classes it settles."""
        by_key: dict[str, list[Fact]] = {}
        for fact in facts:
            by_key.setdefault(fact.key, []).append(fact)
        for key, group in by_key.items():
            if any(f.kind == "known" for f in group):
                self.clean([key])
                continue
            classes = _settled(group)
            if classes:
                value = self.read(key) or self.eval(group[0].node)
                self.env[key] = Value(value.const, tuple(t._replace(cleansed=t.cleansed | classes) for t in value.taints))

    def _loop(self, node: Node) -> bool:
        initializer = node.child_by_field_name("initializer")
        if initializer is not None:
            self.exec(initializer) if initializer.type.endswith("declaration") else self.eval(initializer)
        iterable = self.eval(node.child_by_field_name("right")) if node.type == "for_in_statement" else None
        left = node.child_by_field_name("left")
        body = node.child_by_field_name("body")
        condition = node.child_by_field_name("condition")

        def once() -> None:
            if left is not None and iterable is not None:
                self.bind(left, Value(NOT_CONST, iterable.taints), left)
            if condition is not None:
                self.eval(condition)
            if body is not None:
                self.exec(body)
            increment = node.child_by_field_name("increment")
            if increment is not None:
                self.eval(increment)

        self.loop(once)
        return True

    def bind(self, target: Node, value: Value, at: Node) -> None:
        kind = target.type
        if kind in ("identifier", "shorthand_property_identifier_pattern"):
            self.assign(text(target), value, at)
        elif kind == "member_expression":
            property_node = target.child_by_field_name("property")
            right = at.child_by_field_name("right") if at.type == "assignment_expression" else None
            written = _cleansed_for(value, _JSON) if right is not None and _unwrap(right).type in ("object", "array") else value
            self.write_sink(target, self.write_name(target, text(property_node)), written)
            key = key_of(target)
            if key is not None:
                self.assign(key, value, at)
        elif kind == "subscript_expression":
            container = target.child_by_field_name("object")
            if container is None:
                return
            # session[key] = v writes into the session: the key is written as much as the value.
            last = text(container.child_by_field_name("property")) if container.type == "member_expression" else text(container)
            name = self.write_name(container, last)
            if name is not None:
                self.write_sink(target, name, join(value, self.eval(target.child_by_field_name("index"))))
            key = key_of(container)
            if key is not None:
                self.add_to(key, value, at)
        elif kind in ("object_pattern", "array_pattern"):
            for child in target.named_children:
                if child.type == "pair_pattern":
                    inner = child.child_by_field_name("value")
                    if inner is not None:
                        self.bind(inner, Value(NOT_CONST, value.taints), at)
                elif child.type == "object_assignment_pattern":
                    inner = child.child_by_field_name("left")
                    if inner is not None:
                        self.bind(inner, Value(NOT_CONST, value.taints), at)
                else:
                    self.bind(child, Value(NOT_CONST, value.taints), at)
        elif kind in ("assignment_pattern",):
            left = target.child_by_field_name("left")
            if left is not None:
                self.bind(left, value, at)
        elif kind == "rest_pattern" and target.named_children:
            self.bind(target.named_children[0], Value(NOT_CONST, value.taints), at)

    def _eval(self, node: Node) -> Value:  # noqa: C901 - one dispatch over the grammar's expressions
        kind = node.type
        if kind in ("identifier", "shorthand_property_identifier"):
            key = text(node)
            found = self.read(key)
            if found is not None:
                return found
            return self.read_source(node, node, key) or (Value(None) if key == "undefined" else UNKNOWN)
        if kind == "member_expression":
            if text(node.child_by_field_name("property")) == "length":
                self.eval(node.child_by_field_name("object"))
                return Value(SOME_CONST)  # a number, whatever it counts
            member = key_of(node)
            if member is not None:
                found = self.read(member)
                if found is not None:
                    return found
            source = self.read_source(node, _root(node), text(node.child_by_field_name("property")))
            if source is not None:
                return source
            base = self.eval(node.child_by_field_name("object"))
            return Value(NOT_CONST, base.taints)
        if kind == "subscript_expression":
            container = self.eval(node.child_by_field_name("object"))
            index = self.eval(node.child_by_field_name("index"))
            const = container.const
            if isinstance(const, (dict, tuple)) and not container.taints and index.constant and index.const is not SOME_CONST:
                try:
                    return Value(const[index.const])
                except (KeyError, IndexError, TypeError):
                    return Value(SOME_CONST)
            if container.constant and not container.taints:
                return Value(SOME_CONST)  # whatever the key, one of the constant entries (or undefined)
            return Value(NOT_CONST, merge_taints(container.taints, index.taints))
        if kind in ("call_expression", "new_expression"):
            called = key_of(node)
            checked = self.env.get(called) if called is not None else None
            return checked if checked is not None else self._call(node)
        if kind == "string":
            return Value("".join(text(c) for c in node.named_children if c.type == "string_fragment"))
        if kind == "template_string":
            parts = [self.eval(c.named_children[0]) for c in node.named_children
                     if c.type == "template_substitution" and c.named_children]
            if not parts:
                return Value("".join(text(c) for c in node.named_children if c.type == "string_fragment"))
            result = Value(SOME_CONST if all(p.constant for p in parts) else NOT_CONST,
                           merge_taints(*(p.taints for p in parts)))
            first = node.named_children[0]
            if result.taints and first.type == "string_fragment":
                return _cleansed_for(result, fixed_origin(Value(text(first))))
            return result
        if kind == "number":
            try:
                return Value(int(text(node), 0))
            except ValueError:
                return Value(SOME_CONST)
        if kind in ("true", "false"):
            return Value(kind == "true")
        if kind in ("null", "undefined"):
            return Value(None)
        if kind in ("regex",):
            return Value(SOME_CONST)
        if kind == "assignment_expression":
            left = node.child_by_field_name("left")
            value = self.eval(node.child_by_field_name("right"))
            if left is not None:
                self.bind(left, value, node)
            return value
        if kind == "augmented_assignment_expression":
            left = node.child_by_field_name("left")
            value = self._binary(text(node.child_by_field_name("operator"))[:-1], self.eval(left),
                                 self.eval(node.child_by_field_name("right")))
            if left is not None:
                self.bind(left, value, node)
            return value
        if kind == "binary_expression":
            op = text(node.child_by_field_name("operator"))
            lhs = self.eval(node.child_by_field_name("left"))
            rhs = self.eval(node.child_by_field_name("right"))
            if op in ("&&", "||", "??"):
                return join(lhs, rhs)
            result = self._binary(op, lhs, rhs)
            if op == "+" and result.taints:
                # "https://api.example.com/v1?q=" + q: what follows a fixed origin cannot move it
                return _cleansed_for(result, fixed_origin(self._leftmost(node)))
            return result
        if kind == "ternary_expression":
            condition = node.child_by_field_name("condition")
            folded = _truth(self.eval(condition))
            yes, no = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
            if folded is not None:
                self.file.skipped(no if folded else yes)
                return self.eval(yes if folded else no)
            when_true, when_false = self.refinements(condition)
            saved = self.env
            self.env = dict(saved)
            self.refine(when_true)
            then_value = self.eval(yes)
            self.env = dict(saved)
            self.refine(when_false)
            else_value = self.eval(no)
            self.env = saved
            return join(then_value, else_value)
        if kind in ("parenthesized_expression", "await_expression", "as_expression", "non_null_expression",
                    "satisfies_expression", "type_assertion") and node.named_children:
            return self.eval(node.named_children[0])
        if kind in FUNCTIONS:
            self.closure(node)  # for the sinks inside; the value is a function, not what it returns
            return UNKNOWN
        if kind == "class":
            return UNKNOWN  # its methods are units of their own
        if kind == "array":
            items = [self.eval(c) for c in node.named_children]
            if all(i.constant and i.const is not SOME_CONST for i in items):
                return Value(tuple(i.const for i in items))
            return Value(SOME_CONST if all(i.constant for i in items) else NOT_CONST,
                         merge_taints(*(i.taints for i in items)))
        if kind == "object":
            entries: dict[Any, Any] = {}
            values = []
            for pair in node.named_children:
                if pair.type == "pair":
                    key_node = pair.child_by_field_name("key")
                    value = self.eval(pair.child_by_field_name("value"))
                    values.append(value)
                    entry = text(key_node).strip("'\"`") if key_node is not None else None
                    if value.constant and value.const is not SOME_CONST and entry is not None:
                        entries[entry] = value.const
                else:
                    value = self.eval(pair)
                    values.append(value)
                    if pair.type == "shorthand_property_identifier" and value.constant and value.const is not SOME_CONST:
                        entries[text(pair)] = value.const
            if len(entries) == len(values):
                return Value(_FrozenDict(entries))
            return union(values)
        if kind in ("unary_expression",):
            operand = self.eval(node.child_by_field_name("argument"))
            return Value(SOME_CONST) if text(node.child_by_field_name("operator")) in ("!", "typeof") else union([operand])
        return union([self.eval(c) for c in node.named_children])

    def _leftmost(self, node: Node) -> Value:
        """The value of the first operand of a chain of `+`: a constant string, or not."""
        while node.type == "binary_expression" and text(node.child_by_field_name("operator")) == "+":
            node = node.child_by_field_name("left")  # type: ignore[assignment]
        if node.type in ("string", "identifier"):
            return self.eval(node)
        if node.type == "template_string" and all(c.type != "template_substitution" for c in node.named_children):
            return self.eval(node)
        return UNKNOWN

    def _binary(self, op: str, left: Value, right: Value) -> Value:
        taints = merge_taints(left.taints, right.taints)
        if op in _BOOLEAN:
            return Value(SOME_CONST)
        if left.constant and right.constant:
            if left.const is not SOME_CONST and right.const is not SOME_CONST:
                if op == "+" and isinstance(left.const, str | int) and isinstance(right.const, str | int):
                    if isinstance(left.const, int) and isinstance(right.const, int):
                        return Value(left.const + right.const, taints)
                    return Value(str(left.const) + str(right.const), taints)
                fold = _FOLD.get(op)
                if fold is not None and isinstance(left.const, int) and isinstance(right.const, int):
                    return Value(fold(left.const, right.const), taints)
            return Value(SOME_CONST, taints)
        return Value(NOT_CONST, taints)

    def _call(self, node: Node) -> Value:
        function = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        # TypeScript reads `await a.f<T>(x)` as a call of `await a.f`: the callee is inside;
        # `(0, eval)(x)` calls the last expression of the sequence.
        while function is not None and function.named_children and (
                function.type == "await_expression" or (function.type == "parenthesized_expression"
                and function.named_children[-1].type in ("sequence_expression", "identifier", "member_expression"))):
            function = function.named_children[-1]
            if function.type == "sequence_expression":
                function = function.child_by_field_name("right") or function.named_children[-1]
        arguments = node.child_by_field_name("arguments")
        receiver: Value | None = None
        receiver_key: str | None = None
        local: Unit | None = None
        method = ""
        if function is not None and function.type == "member_expression":
            base = function.child_by_field_name("object")
            method = text(function.child_by_field_name("property"))
            receiver_key = key_of(base) if base is not None else None
            receiver = self.eval(base)
            if base is not None and base.type == "this":
                local = self.file.lookup(method, self.unit.class_name)
            name = self.call_name(node, method)
        elif function is not None and function.type == "identifier":
            method = text(function)
            name = self.root_name(function)
            if self.read(method) is None:
                local = self.file.lookup(method, None)
        else:
            name = None
            if function is not None:
                receiver = self.eval(function)
        nodes = [a for a in arguments.named_children if a.type != "comment"] \
            if arguments is not None and arguments.type == "arguments" else []
        iterator = _ITERATORS.get(method) if receiver is not None and receiver.taints else None
        if iterator is not None and nodes and nodes[0].type in FUNCTIONS:
            element = Value(NOT_CONST, receiver.taints)  # type: ignore[union-attr]
            mapped = self.closure(nodes[0], element, force=True)
            for extra in nodes[1:]:
                self.eval(extra)
            if iterator == "mapped":
                return Value(NOT_CONST, mapped.taints)
            return element if iterator == "elements" else Value(None)
        args = [(self.eval(a), a) for a in nodes]
        # An object or array given to a response is sent as JSON, not HTML; so is anything sent
        # after the response was given a content type that is not HTML.
        if method in ("send", "json", "jsonp"):
            args = [(_cleansed_for(v, _JSON), a) if _unwrap(a).type in ("object", "array") else (v, a) for v, a in args]
        if method in _RESPONSE_WRITES and function is not None and self._plain(function.child_by_field_name("object"), receiver_key):
            args = [(_cleansed_for(v, _JSON), a) for v, a in args]
        if method in _CONTENT_TYPES and receiver_key is not None and args and _not_html(args, method):
            self.env[receiver_key + _PLAIN] = Value(True)
        callee = text(function) if function is not None else ""
        if callee in _CONSTANT_BUILDERS and all(v.constant and not v.taints for v, _ in args):
            return Value(SOME_CONST)
        if callee == "Object.freeze" and args:
            return args[0][0]
        if callee == "Object.assign" and args:
            self.assign_into(args[0][1], args[1:])
        if receiver is not None and isinstance(receiver.const, dict) and method == "get" and not receiver.taints:
            return Value(SOME_CONST)
        if receiver is not None and isinstance(receiver.const, str | tuple) and all(v.constant for v, _ in args):
            return Value(SOME_CONST)
        return self.call(node, name, receiver, receiver_key, args, {}, local, method)


    def _plain(self, receiver: Node | None, key: str | None) -> bool:
        """Whether the response is known not to be HTML: `res.type("text/plain")` earlier, or
        `res.type("json").send(x)` in the chain."""
        if key is not None and self.read(key + _PLAIN) is not None:
            return True
        while receiver is not None and receiver.type == "call_expression":
            function = receiver.child_by_field_name("function")
            if function is None or function.type != "member_expression":
                return False
            method = text(function.child_by_field_name("property"))
            arguments = receiver.child_by_field_name("arguments")
            args = [(self.eval(a), a) for a in arguments.named_children] if arguments is not None else []
            if method in _CONTENT_TYPES and args and _not_html(args, method):
                return True
            receiver = function.child_by_field_name("object")
        return False

    def closure(self, node: Node, element: Value | None = None, force: bool = False) -> Value:
        """A function written in place (a callback), run here with the variables it closes over,
        when any of them may carry data from a source: what it returns. Its own parameters are
        unknown, but for an array method's callback, whose first one is each `element`."""
        if not force and (self.unit.name == "<module>" or not any(v.taints for v in self.env.values())):
            return UNKNOWN
        saved_env, saved_returned = self.env, self.returned
        self.env, self.returned = dict(saved_env), None
        try:
            for index, param in enumerate(_params(node)):
                value = element if index == 0 and element is not None else UNKNOWN
                if param.node.type in ("object_pattern", "array_pattern"):
                    self.bind(param.node, value, param.node)
                else:
                    self.env[param.name] = value
            body = node.child_by_field_name("body")
            if body is not None and body.type == "statement_block":
                self.exec(body)
            elif body is not None:
                self.give_back(self.eval(body))
            return self.returned or UNKNOWN
        finally:
            self.env, self.returned = saved_env, saved_returned

    def assign_into(self, target: Node, sources: list[tuple[Value, Node]]) -> None:
        """Object.assign(target, ...sources): the sources' properties are written into target."""
        value = union([v for v, _ in sources])
        inner = target
        while inner.type in ("parenthesized_expression", "as_expression", "non_null_expression") and inner.named_children:
            inner = inner.named_children[0]
        last = text(inner.child_by_field_name("property")) if inner.type == "member_expression" else text(inner)
        self.write_sink(target, self.write_name(target, last), value)
        key = key_of(inner)
        if key is not None and value.taints:
            self.add_to(key, value, target)

    def literal_property(self, node: Node, name: str) -> Node | None:
        if node.type != "object":
            return None
        for child in node.named_children:
            if child.type == "pair" and text(child.child_by_field_name("key")).strip("'\"`") == name:
                return child.child_by_field_name("value")
            if child.type == "shorthand_property_identifier" and text(child) == name:
                return child
        return None


class _FrozenDict(dict):  # type: ignore[type-arg]
    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)


def _truth(value: Value) -> bool | None:
    if value.const is NOT_CONST or value.const is SOME_CONST or value.taints:
        return None
    try:
        return bool(value.const)
    except Exception:  # noqa: BLE001
        return None


def make(file: Any, unit: Unit) -> JavascriptInterpreter:
    return JavascriptInterpreter(file, unit)
