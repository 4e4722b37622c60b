"""JavaScript and TypeScript (TSX too) adapter of the taint interpreter."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

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
    return None


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
                ok = self.branch([lambda: self.exec(caught)], fallthrough_without_arm=ok) or ok
            finalizer = node.child_by_field_name("finalizer")
            finally_body = finalizer.child_by_field_name("body") if finalizer is not None else None
            if finally_body is not None:
                ok = self.exec(finally_body) and ok
            return ok
        if kind == "switch_statement":
            self.eval(node.child_by_field_name("value"))
            body = node.child_by_field_name("body")
            cases = body.named_children if body is not None else []
            # A list, not a generator: every statement of an arm runs, all() must not stop at the first.
            arms = [lambda c=c: all([self.exec(s) for s in c.children_by_field_name("body")]) for c in cases]  # noqa: C419
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
            self.clean(when_true)
            return self.exec(body) if body is not None else True

        def otherwise() -> bool:
            self.clean(when_false)
            return self.exec(alternative) if alternative is not None else True

        if folded is True:
            return then()
        if folded is False:
            return otherwise()
        return self.branch([then, otherwise], fallthrough_without_arm=False)

    def refinements(self, condition: Node | None) -> tuple[list[str], list[str]]:
        """`ALLOWED.includes(x)`, `x === "a"`, `/^\\d+$/.test(x)` prove x is a known value."""
        if condition is None:
            return [], []
        if condition.type == "parenthesized_expression" and condition.named_children:
            return self.refinements(condition.named_children[0])
        if condition.type == "unary_expression" and text(condition.child_by_field_name("operator")) == "!":
            true, false = self.refinements(condition.child_by_field_name("argument"))
            return false, true
        if condition.type == "binary_expression":
            op = text(condition.child_by_field_name("operator"))
            left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
            if left is not None and right is not None and op in ("===", "==", "!==", "!="):
                key = key_of(left)
                other = self.eval(right)
                if key is not None and other.constant and not other.taints:
                    return ([key], []) if op in ("===", "==") else ([], [key])
        if condition.type == "call_expression":
            function = condition.child_by_field_name("function")
            arguments = condition.child_by_field_name("arguments")
            args = arguments.named_children if arguments is not None else []
            if function is not None and function.type == "member_expression" and args:
                method = text(function.child_by_field_name("property"))
                receiver = function.child_by_field_name("object")
                if method in _CHECKS and receiver is not None and key_of(args[0]) is not None:
                    value = self.eval(receiver)
                    if receiver.type == "regex" or (value.constant and not value.taints):
                        return [key_of(args[0])], []  # type: ignore[list-item]
        return [], []

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
            self.write_sink(target, self.write_name(target, text(property_node)), value)
            key = key_of(target)
            if key is not None:
                self.assign(key, value, at)
        elif kind == "subscript_expression":
            container = target.child_by_field_name("object")
            key = key_of(container) if container is not None else None
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

    def eval(self, node: Node | None) -> Value:
        if node is None:
            return UNKNOWN
        self.tick()
        self.enter()
        try:
            return self._eval(node)
        finally:
            self.leave()

    def _eval(self, node: Node) -> Value:  # noqa: C901 - one dispatch over the grammar's expressions
        kind = node.type
        if kind == "identifier":
            key = text(node)
            found = self.read(key)
            if found is not None:
                return found
            return self.read_source(node, node, key) or (Value(None) if key == "undefined" else UNKNOWN)
        if kind == "member_expression":
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
            return Value(NOT_CONST, merge_taints(container.taints, index.taints))
        if kind in ("call_expression", "new_expression"):
            return self._call(node)
        if kind == "string":
            return Value("".join(text(c) for c in node.named_children if c.type == "string_fragment"))
        if kind == "template_string":
            parts = [self.eval(c.named_children[0]) for c in node.named_children
                     if c.type == "template_substitution" and c.named_children]
            if not parts:
                return Value("".join(text(c) for c in node.named_children if c.type == "string_fragment"))
            return Value(SOME_CONST if all(p.constant for p in parts) else NOT_CONST,
                         merge_taints(*(p.taints for p in parts)))
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
            return self._binary(op, lhs, rhs)
        if kind == "ternary_expression":
            condition = node.child_by_field_name("condition")
            folded = _truth(self.eval(condition))
            yes, no = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
            if folded is not None:
                return self.eval(yes if folded else no)
            when_true, when_false = self.refinements(condition)
            saved = self.env
            self.env = dict(saved)
            self.clean(when_true)
            first = self.eval(yes)
            self.env = dict(saved)
            self.clean(when_false)
            second = self.eval(no)
            self.env = saved
            return join(first, second)
        if kind in ("parenthesized_expression", "await_expression", "as_expression", "non_null_expression",
                    "satisfies_expression", "type_assertion") and node.named_children:
            return self.eval(node.named_children[0])
        if kind in FUNCTIONS or kind in ("class", "arrow_function"):
            return UNKNOWN  # analysed as a unit of its own
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
                    values.append(self.eval(pair))
            if len(entries) == len(values):
                return Value(_FrozenDict(entries))
            return union(values)
        if kind in ("unary_expression",):
            operand = self.eval(node.child_by_field_name("argument"))
            return Value(SOME_CONST) if text(node.child_by_field_name("operator")) in ("!", "typeof") else union([operand])
        return union([self.eval(c) for c in node.named_children])

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
        # TypeScript reads `await a.f<T>(x)` as a call of `await a.f`: the callee is inside.
        while function is not None and function.type == "await_expression" and function.named_children:
            function = function.named_children[0]
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
        args = [(self.eval(a), a) for a in (arguments.named_children if arguments is not None else ())
                if a.type != "comment"] if arguments is not None and arguments.type == "arguments" else []
        if receiver is not None and isinstance(receiver.const, dict) and method == "get" and not receiver.taints:
            return Value(SOME_CONST)
        if receiver is not None and isinstance(receiver.const, str | tuple) and all(v.constant for v, _ in args):
            return Value(SOME_CONST)
        return self.call(node, name, receiver, receiver_key, args, {}, local, method)


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
