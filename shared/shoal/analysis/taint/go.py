"""Go adapter of the taint interpreter: statements and expressions of tree-sitter-go."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tree_sitter import Node

from shoal.analysis.taint.common import Arm, CommonInterpreter
from shoal.analysis.taint.core import (
    NOT_CONST,
    SOME_CONST,
    UNKNOWN,
    Param,
    Spec,
    Unit,
    Value,
    text,
    union,
)

LANGUAGE = "go"
FUNCTIONS = frozenset({"function_declaration", "method_declaration", "func_literal"})
_STOPS = frozenset({"return_statement", "break_statement", "continue_statement", "goto_statement"})
_SKIP = frozenset({"comment", "type_declaration", "import_declaration", "package_clause", "empty_statement",
                   "fallthrough_statement", "label_name"})
_BLOCKS = frozenset({"block", "statement_list"})
_LOOPS = frozenset({"for_statement"})
_SWITCHES = frozenset({"expression_switch_statement", "type_switch_statement", "select_statement"})
_CASES = frozenset({"expression_case", "default_case", "type_case", "communication_case"})
_STRINGS = frozenset({"interpreted_string_literal", "raw_string_literal"})
# Functions that report whether a list holds a value: `slices.Contains(allowed, x)`.
_CHECKS = frozenset({"Contains", "ContainsString", "Includes"})


def units(root: Node, functions: list[Node], qualify: Callable[[Node], str | None], spec: Spec) -> list[Unit]:
    """The package's constants and variables first (the functions' globals), then every function,
    method and function literal."""
    found = [Unit(root, "<module>", root, [])]
    for node in functions:
        owner, receiver = _receiver(node)
        if node.type == "func_literal":
            name = f"<func:{node.start_point[0] + 1}>"
        else:
            name = text(node.child_by_field_name("name"))
        unit = Unit(node, f"{owner}.{name}" if owner else name, node.child_by_field_name("body"), _params(node),
                    owner, ())
        unit.receiver = receiver  # type: ignore[attr-defined]
        found.append(unit)
    return found


def _receiver(node: Node) -> tuple[str | None, str | None]:
    """A method's receiver type and name: `func (s *Server) handle(...)` -> (Server, s)."""
    receiver = node.child_by_field_name("receiver") if node.type == "method_declaration" else None
    if receiver is None:
        return None, None
    declaration = next((c for c in receiver.named_children if c.type == "parameter_declaration"), None)
    if declaration is None:
        return None, None
    kind = declaration.child_by_field_name("type")
    name = declaration.child_by_field_name("name")
    owner = text(kind).lstrip("*").split("[", 1)[0].strip() if kind is not None else None
    return owner or None, text(name) if name is not None else None


def _params(function: Node) -> list[Param]:
    node = function.child_by_field_name("parameters")
    params: list[Param] = []
    for child in node.named_children if node is not None else ():
        if child.type not in ("parameter_declaration", "variadic_parameter_declaration"):
            continue
        for name in child.children_by_field_name("name"):
            params.append(Param(text(name), name, ()))
    return params


def _expressions(node: Node | None) -> list[Node]:
    if node is None:
        return []
    if node.type == "expression_list":
        return [c for c in node.named_children if c.type != "comment"]
    return [node]


class GoInterpreter(CommonInterpreter):
    PARENTHESES = "parenthesized_expression"
    BINARY = "binary_expression"
    receiver_names = frozenset()

    def key_of(self, node: Node) -> str | None:
        """The variable a target names: `x`, `s.field` (of a variable); None for anything else."""
        if node.type == "identifier":
            return text(node)
        if node.type == "selector_expression":
            base = node.child_by_field_name("operand")
            inner = self.key_of(base) if base is not None else None
            return None if inner is None else f"{inner}.{text(node.child_by_field_name('field'))}"
        if node.type == "parenthesized_expression" and node.named_children:
            return self.key_of(node.named_children[0])
        return None

    # ------------------------------------------------------------------ statements
    def exec(self, node: Node | None) -> bool:
        if node is None:
            return True
        self.tick()
        kind = node.type
        if kind in _BLOCKS:
            self.enter()
            try:
                return all(self.exec(child) for child in node.named_children)  # stops at the first stop
            finally:
                self.leave()
        if kind == "source_file":  # the module unit: package-level constants and variables only
            for child in node.named_children:
                if child.type in ("const_declaration", "var_declaration"):
                    self.exec(child)
            return True
        if kind in _SKIP or kind in FUNCTIONS:
            return True
        if kind in ("const_declaration", "var_declaration"):
            for spec in node.named_children:
                if spec.type in ("const_spec", "var_spec"):
                    self._declare(spec)
                elif spec.type == "var_spec_list":
                    for inner in spec.named_children:
                        self._declare(inner)
            return True
        if kind in ("short_var_declaration", "assignment_statement"):
            self._assignment(node)
            return True
        if kind in ("inc_statement", "dec_statement"):
            for child in node.named_children:
                key = self.key_of(child)
                if key is not None:
                    self.env[key] = Value(SOME_CONST)  # a number, whatever it was
            return True
        if kind == "return_statement":
            values = [self.eval(c) for c in _expressions(node.named_children[0] if node.named_children else None)]
            self.give_back(union(values) if len(values) > 1 else values[0] if values else Value(None))
            return False
        if kind in _STOPS:
            return False
        if kind == "if_statement":
            return self._if(node)
        if kind in _LOOPS:
            return self._loop(node)
        if kind in _SWITCHES:
            return self._switch(node)
        if kind == "labeled_statement":
            return all(self.exec(c) for c in node.named_children if c.type != "label_name")
        if kind in ("go_statement", "defer_statement", "expression_statement", "send_statement"):
            for child in node.named_children:
                self.eval(child)
            return True
        for child in node.named_children:
            self.eval(child)
        return True

    def _declare(self, spec: Node) -> None:
        names = spec.children_by_field_name("name")
        values = [self.eval(v) for v in _expressions(spec.child_by_field_name("value"))]
        self._bind(names, values, spec)

    def _assignment(self, node: Node) -> None:
        left = _expressions(node.child_by_field_name("left"))
        right = [self.eval(v) for v in _expressions(node.child_by_field_name("right"))]
        op = text(node.child_by_field_name("operator")) if node.type == "assignment_statement" else ":="
        if op not in ("=", ":=") and len(left) == 1 and right:
            target = left[0]
            right = [self.binary(op[:-1], self.eval(target), right[0])]
        self._bind(left, right, node)

    def _bind(self, targets: list[Node], values: list[Value], node: Node) -> None:
        """`a, b = x, y` pairs by position; `v, err := f()` gives every name the call's value."""
        for index, target in enumerate(targets):
            if len(values) == len(targets):
                value = values[index]
            elif len(values) == 1:
                value = values[0] if index == 0 else Value(NOT_CONST, values[0].taints)
            else:
                value = UNKNOWN
            self._store(target, value, node)

    def _store(self, target: Node, value: Value, node: Node) -> None:
        if target.type == "index_expression":
            container = target.child_by_field_name("operand")
            key = self.key_of(container) if container is not None else None
            if key is not None:
                self.add_to(key, value, node)
            return
        key = self.key_of(target)
        if key is not None and key != "_":
            self.assign(key, value, node)

    def _if(self, node: Node) -> bool:
        arms: list[Arm] = []
        current: Node | None = node
        while current is not None and current.type == "if_statement":
            initializer = current.child_by_field_name("initializer")
            if initializer is not None:
                self.exec(initializer)
            arms.append(Arm(current.child_by_field_name("condition"), current.child_by_field_name("consequence")))
            current = current.child_by_field_name("alternative")
        if current is not None:
            arms.append(Arm(None, current))
        return self.chain(arms)

    def _loop(self, node: Node) -> bool:
        clause = next((c for c in node.named_children if c.type in ("for_clause", "range_clause")), None)
        body = node.child_by_field_name("body")
        condition = None
        if clause is not None and clause.type == "for_clause":
            initializer = clause.child_by_field_name("initializer")
            if initializer is not None:
                self.exec(initializer)
            condition = clause.child_by_field_name("condition")
        elif clause is None:
            condition = next((c for c in node.named_children if c is not body), None)
        iterated = self.eval(clause.child_by_field_name("right")) if clause is not None and \
            clause.type == "range_clause" else None

        def once() -> None:
            if iterated is not None and clause is not None:
                targets = _expressions(clause.child_by_field_name("left"))
                for target in targets:  # the index or key, then the element
                    self._store(target, self.iterated(iterated), clause)
            if condition is not None:
                self.eval(condition)
            self.exec(body)
            if clause is not None and clause.type == "for_clause":
                self.exec(clause.child_by_field_name("update"))

        self.loop(once)
        return True

    def _switch(self, node: Node) -> bool:
        initializer = node.child_by_field_name("initializer")
        if initializer is not None:
            self.exec(initializer)
        subject = node.child_by_field_name("value")
        if subject is not None:
            self.eval(subject)
        cases = [c for c in node.named_children if c.type in _CASES]
        key = self.key_of(subject) if subject is not None else None

        def arm(case: Node) -> Callable[[], bool]:
            def run() -> bool:
                values = _expressions(case.child_by_field_name("value"))
                if key is not None and case.type == "expression_case" and all(self.is_constant(v) for v in values):
                    self.clean([key])  # case "a", "b": the subject is one of them here
                for child in case.named_children:
                    if child.type == "statement_list" and not self.exec(child):
                        return False
                return True
            return run

        has_default = any(c.type == "default_case" for c in cases)
        return self.branch([arm(c) for c in cases], fallthrough_without_arm=not has_default)

    # ------------------------------------------------------------------ conditions
    def negation(self, node: Node) -> Node | None:
        if node.type == "unary_expression" and text(node.child_by_field_name("operator")) == "!":
            return node.child_by_field_name("operand")
        return None

    def allow_list(self, node: Node) -> str | None:
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        args = _arguments(node)
        if function is None or function.type != "selector_expression" or len(args) != 2:
            return None
        if text(function.child_by_field_name("field")) not in _CHECKS or not self.is_constant(args[0]):
            return None
        return self.key_of(args[1])

    def peek(self, node: Node) -> Value | None:
        if node.type in _STRINGS or node.type in ("int_literal", "float_literal", "rune_literal", "true",
                                                  "false", "nil"):
            return self._literal(node)
        return None

    # ------------------------------------------------------------------ expressions
    def _eval(self, node: Node) -> Value:
        kind = node.type
        if kind == "identifier":
            key = text(node)
            found = self.read(key)
            if found is not None:
                return found
            return self.name_source(node, key) or UNKNOWN
        if kind == "selector_expression":
            return self._selector(node)
        if kind == "call_expression":
            return self._call(node)
        literal = self.peek(node)
        if literal is not None:
            return literal
        if kind == "binary_expression":
            op = text(node.child_by_field_name("operator"))
            return self.binary(op, self.eval(node.child_by_field_name("left")),
                               self.eval(node.child_by_field_name("right")))
        if kind == "unary_expression":
            operand = self.eval(node.child_by_field_name("operand"))
            op = text(node.child_by_field_name("operator"))
            return Value(SOME_CONST) if op == "!" else Value(NOT_CONST if not operand.constant else SOME_CONST,
                                                               operand.taints)
        if kind in ("parenthesized_expression", "type_assertion_expression", "type_conversion_expression",
                    "literal_element"):
            inner = node.child_by_field_name("operand") or node.child_by_field_name("value") or (
                node.named_children[0] if node.named_children else None)
            return self.eval(inner)
        if kind == "index_expression":
            return self.element(self.eval(node.child_by_field_name("operand")),
                                self.eval(node.child_by_field_name("index")))
        if kind == "slice_expression":
            return Value(NOT_CONST, self.eval(node.child_by_field_name("operand")).taints)
        if kind == "composite_literal":
            return self._composite(node.child_by_field_name("body"))
        if kind == "literal_value":
            return self._composite(node)
        if kind in ("func_literal",) or kind.endswith("_type"):
            return UNKNOWN
        return union([self.eval(c) for c in node.named_children if c.type != "comment"])

    def _literal(self, node: Node) -> Value:
        kind = node.type
        if kind == "interpreted_string_literal":
            parts = list(node.named_children)
            if all(p.type == "interpreted_string_literal_content" for p in parts):
                return Value("".join(text(p) for p in parts))
            return Value(SOME_CONST)  # escape sequences: a constant, its text not worked out
        if kind == "raw_string_literal":
            return Value(text(node)[1:-1])
        if kind == "int_literal":
            try:
                return Value(int(text(node).replace("_", ""), 0))
            except ValueError:
                return Value(SOME_CONST)
        if kind in ("true", "false"):
            return Value(kind == "true")
        if kind == "nil":
            return Value(None)
        return Value(SOME_CONST)

    def _composite(self, body: Node | None) -> Value:
        if body is None:
            return Value(SOME_CONST)
        elements = [c for c in body.named_children if c.type in ("keyed_element", "literal_element")]
        if elements and all(e.type == "keyed_element" for e in elements):
            pairs = []
            for element in elements:
                key_node, value_node = element.child_by_field_name("key"), element.child_by_field_name("value")
                pairs.append((self._element_key(key_node), self.eval(value_node)))
            return self.mapping(pairs)
        return self.sequence([self.eval(e) for e in elements])

    def _element_key(self, node: Node | None) -> Value:
        """A struct field name is its own text; a map key is an expression."""
        inner = node.named_children[0] if node is not None and node.named_children else node
        if inner is not None and inner.type in ("identifier", "field_identifier") and self.read(text(inner)) is None:
            return Value(text(inner))
        return self.eval(inner)

    def _selector(self, node: Node) -> Value:
        key = self.key_of(node)
        if key is not None:
            found = self.read(key)
            if found is not None:
                return found
        source = self.member_source(node, _root(node), text(node.child_by_field_name("field")))
        if source is not None:
            return source
        base = self.eval(node.child_by_field_name("operand"))
        return Value(NOT_CONST, base.taints)

    def _call(self, node: Node) -> Value:
        function = node.child_by_field_name("function")
        args = [(self.eval(a), a) for a in _arguments(node)]
        receiver: Value | None = None
        receiver_key: str | None = None
        local: Unit | None = None
        method = ""
        if function is not None and function.type == "identifier":
            method = text(function)
            if self.read(method) is None:
                local = self.file.lookup(method, None)
        elif function is not None and function.type == "selector_expression":
            method = text(function.child_by_field_name("field"))
            operand = function.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier" and \
                    text(operand) == getattr(self.unit, "receiver", None):
                local = self.file.lookup(method, self.unit.class_name)
            elif operand is not None:
                receiver_key = self.key_of(operand)
                receiver = self.eval(operand)
        elif function is not None:
            self.eval(function)
        name = self.call_name(node, method) if method else None
        return self.call(node, name, receiver, receiver_key, args, {}, local, method)


def _arguments(node: Node) -> list[Node]:
    arguments = node.child_by_field_name("arguments")
    return [a for a in (arguments.named_children if arguments is not None else ()) if a.type != "comment"]


def _root(node: Node) -> Node | None:
    while node.type in ("selector_expression", "call_expression", "index_expression"):
        inner = node.child_by_field_name("operand") or node.child_by_field_name("function")
        if inner is None:
            return None
        node = inner
    return node if node.type == "identifier" else None


def make(file: Any, unit: Unit) -> GoInterpreter:
    return GoInterpreter(file, unit)
