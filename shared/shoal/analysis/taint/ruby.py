"""Ruby adapter of the taint interpreter: statements and expressions of tree-sitter-ruby.

A method gives back its last expression; a block runs where its call is, its parameters holding
what the receiver holds; backticks and %x() are followed as a call of "`" (Kernel#`), so rules can
name them as a sink. Keyword arguments (`where(name: x)`) are kept apart from positional ones: a
sink on argument 0 is not given a hash of conditions that Rails quotes itself."""

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

LANGUAGE = "ruby"
FUNCTIONS = frozenset({"method", "singleton_method"})
_CLASSES = frozenset({"class", "module", "singleton_class"})
_SKIP = frozenset({"comment", "empty_statement", "heredoc_body", "alias", "undef", "uninterpreted"})
_STOPS = frozenset({"break", "next", "redo", "retry"})
_BLOCKS = frozenset({"body_statement", "then", "else", "do", "begin_block", "end_block", "block_body", "ensure"})
_CHECKS = frozenset({"include?", "member?", "key?", "has_key?", "in?"})
_PARAMETERS = frozenset({"identifier", "optional_parameter", "keyword_parameter", "splat_parameter",
                         "hash_splat_parameter", "block_parameter"})
BACKTICK = "`"
# Constructs followed as calls, and how a file spells them without naming the call.
SPELLINGS = {BACKTICK: (b"%x",)}


def units(root: Node, functions: list[Node], qualify: Callable[[Node], str | None], spec: Spec) -> list[Unit]:
    """The file's top level first (constants, scripts), then every method."""
    found = [Unit(root, "<module>", root, [])]
    for node in functions:
        owner = _class_of(node)
        name = text(node.child_by_field_name("name"))
        found.append(Unit(node, f"{owner}.{name}" if owner else name, node.child_by_field_name("body"),
                          _params(node), owner, ()))
    return found


def _class_of(node: Node) -> str | None:
    current = node.parent
    while current is not None:
        if current.type in _CLASSES and current.child_by_field_name("name") is not None:
            return text(current.child_by_field_name("name"))
        current = current.parent
    return None


def _params(function: Node) -> list[Param]:
    node = function.child_by_field_name("parameters")
    params: list[Param] = []
    for child in node.named_children if node is not None else ():
        if child.type not in _PARAMETERS:
            continue
        name = child if child.type == "identifier" else child.child_by_field_name("name")
        if name is not None:
            params.append(Param(text(name), name, ()))
    return params


class RubyInterpreter(CommonInterpreter):
    PARENTHESES = "parenthesized_statements"
    BINARY = "binary"
    receiver_names = frozenset({"self"})

    def run_body(self) -> None:
        body = self.unit.body
        if body is None:
            return
        if self.unit.name == "<module>":
            self.exec(body)
            return
        value = self._sequence(body.named_children)
        if value is not None:
            self.give_back(value)  # a method gives back its last expression

    def key_of(self, node: Node) -> str | None:
        if node.type in ("identifier", "instance_variable", "constant", "class_variable", "global_variable"):
            return text(node)
        if node.type == "scope_resolution":
            return text(node)
        return None

    # ------------------------------------------------------------------ statements
    def _sequence(self, children: list[Node]) -> Value | None:
        """Statements in order; the last one's value, or None when the sequence stops early."""
        self.enter()
        try:
            value: Value = Value(None)
            for child in children:
                if child.type in _SKIP or child.type in FUNCTIONS or child.type in _CLASSES:
                    continue
                if child.type in ("return",) or child.type in _STOPS:
                    self.exec(child)
                    return None
                if child.type in _STATEMENTS:
                    if not self.exec(child):
                        return None
                    value = UNKNOWN
                else:
                    value = self.eval(child)
            return value
        finally:
            self.leave()

    def exec(self, node: Node | None) -> bool:
        if node is None:
            return True
        self.tick()
        kind = node.type
        if kind == "program":
            for child in node.named_children:  # the module unit: constants and top-level code
                if child.type in _CLASSES:
                    body = child.child_by_field_name("body")
                    if body is not None:
                        self.exec(body)
                elif child.type not in FUNCTIONS and child.type not in _SKIP:
                    self.exec(child)
            return True
        if kind in _BLOCKS:
            return self._sequence(node.named_children) is not None
        if kind in _SKIP or kind in FUNCTIONS or kind in _CLASSES:
            return True
        if kind == "return":
            values = [self.eval(c) for c in node.named_children]
            self.give_back(union(values) if len(values) > 1 else values[0] if values else Value(None))
            return False
        if kind in _STOPS:
            for child in node.named_children:
                self.eval(child)
            return False
        if kind in ("if", "unless"):
            return self._if(node)
        if kind in ("if_modifier", "unless_modifier"):
            condition = node.child_by_field_name("condition")
            self.eval(condition)
            when_true, when_false = self.refinements(condition)
            proven = when_true if kind == "if_modifier" else when_false
            body = node.child_by_field_name("body")
            return self.branch([lambda: self.proven(proven, lambda: self.exec_or_eval(body))],
                               fallthrough_without_arm=True)
        if kind in ("while", "until", "while_modifier", "until_modifier", "for"):
            return self._loop(node)
        if kind == "case":
            return self._case(node)
        if kind == "begin":
            return self._begin(node)
        self.eval(node)
        return True

    def exec_or_eval(self, node: Node | None) -> bool:
        if node is None:
            return True
        if node.type in _STATEMENTS or node.type in _BLOCKS:
            return self.exec(node)
        self.eval(node)
        return True

    def _if(self, node: Node) -> bool:
        arms: list[Arm] = []
        current: Node | None = node
        if node.type == "unless":
            return self._unless(node)
        while current is not None and current.type in ("if", "elsif"):
            condition = current.child_by_field_name("condition")
            arms.append(Arm(condition, current.child_by_field_name("consequence")))
            current = current.child_by_field_name("alternative")
        if current is not None:
            arms.append(Arm(None, current))
        return self.chain(arms)

    def _unless(self, node: Node) -> bool:
        """unless c: the consequence runs when c is false, the else when it is true."""
        condition = node.child_by_field_name("condition")
        self.eval(condition)
        _, when_false = self.refinements(condition)
        consequence = node.child_by_field_name("consequence")
        alternative = node.child_by_field_name("alternative")
        otherwise = alternative.child_by_field_name("body") or alternative if alternative is not None else None
        return self.branch([lambda: self.proven(when_false, lambda: self.exec(consequence)),
                            lambda: self.exec(otherwise)], fallthrough_without_arm=False)

    def _loop(self, node: Node) -> bool:
        condition = node.child_by_field_name("condition")
        body = node.child_by_field_name("body")
        pattern = node.child_by_field_name("pattern") if node.type == "for" else None
        iterated = self.eval(node.child_by_field_name("value")) if node.type == "for" else None

        def once() -> None:
            if pattern is not None and iterated is not None:
                for target in pattern.named_children if pattern.type == "left_assignment_list" else [pattern]:
                    self._store(target, self.iterated(iterated), pattern)
            if condition is not None:
                self.eval(condition)
            self.exec_or_eval(body)

        self.loop(once)
        return True

    def _case(self, node: Node) -> bool:
        subject = node.child_by_field_name("value")
        self.eval(subject)
        key = self.key_of(subject) if subject is not None else None
        arms: list[Callable[[], bool]] = []
        has_else = False
        for child in node.named_children:
            if child.type == "when":
                patterns = child.children_by_field_name("pattern")
                constant = bool(patterns) and all(
                    p.named_children and self.is_constant(p.named_children[0]) for p in patterns)
                body = child.child_by_field_name("body")
                known = [key] if key and constant else []
                arms.append(lambda b=body, k=known: self.proven(k, lambda: self.exec(b)))  # type: ignore[misc]
            elif child.type == "else":
                has_else = True
                arms.append(lambda e=child: self.exec(e))  # type: ignore[misc]
        return self.branch(arms, fallthrough_without_arm=not has_else)

    def _begin(self, node: Node) -> bool:
        body = [c for c in node.named_children if c.type not in ("rescue", "else", "ensure")]
        ok = self._sequence(body) is not None
        rescues = [c for c in node.named_children if c.type == "rescue"]
        arms = [lambda r=r: self.exec(r.child_by_field_name("body")) for r in rescues]
        if arms:
            ok = self.branch(arms, fallthrough_without_arm=ok) or ok
        for child in node.named_children:
            if child.type == "ensure":
                ok = self.exec(child) and ok
        return ok

    # ------------------------------------------------------------------ conditions
    def negation(self, node: Node) -> Node | None:
        if node.type == "unary" and text(node.child_by_field_name("operator")) in ("!", "not"):
            return node.child_by_field_name("operand")
        return None

    def allow_list(self, node: Node) -> str | None:
        """`ALLOWED.include?(x)`, `%w[a b].include?(x)`, `x.in?(ALLOWED)`."""
        if node.type != "call":
            return None
        method = text(node.child_by_field_name("method"))
        receiver = node.child_by_field_name("receiver")
        args = _positional(node)
        if method not in _CHECKS or receiver is None or len(args) != 1:
            return None
        if method == "in?":
            return self.key_of(receiver) if self.is_constant(args[0]) else None
        return self.key_of(args[0]) if self.is_constant(receiver) else None

    def peek(self, node: Node) -> Value | None:
        kind = node.type
        if kind == "string" and all(c.type == "string_content" for c in node.named_children):
            return Value("".join(text(c) for c in node.named_children))
        if kind in ("simple_symbol", "hash_key_symbol"):
            return Value(text(node).lstrip(":"))
        if kind == "integer":
            try:
                return Value(int(text(node).replace("_", ""), 0))
            except ValueError:
                return Value(SOME_CONST)
        if kind in ("float", "rational", "complex", "character", "regex") and not any(
                c.type == "interpolation" for c in node.named_children):
            return Value(SOME_CONST)
        if kind in ("true", "false"):
            return Value(kind == "true")
        if kind == "nil":
            return Value(None)
        if kind in ("string_array", "symbol_array") and not any(
                c.type == "interpolation" for b in node.named_children for c in b.named_children):
            return Value(tuple(text(c) for c in node.named_children))
        return None

    # ------------------------------------------------------------------ expressions
    def _eval(self, node: Node) -> Value:
        kind = node.type
        if kind in ("identifier", "instance_variable", "constant", "class_variable", "global_variable"):
            return self._name(node)
        if kind == "call":
            return self._call(node)
        literal = self.peek(node)
        if literal is not None:
            return literal
        if kind in ("string", "delimited_symbol", "regex", "bare_string", "bare_symbol", "heredoc_body"):
            return union([self.eval(c) for c in node.named_children
                          if c.type not in ("string_content", "escape_sequence", "heredoc_content", "heredoc_end")])
        if kind == "interpolation":
            value = self._sequence(node.named_children)
            return value if value is not None else UNKNOWN
        if kind == "subshell":
            value = union([self.eval(c) for c in node.named_children if c.type == "interpolation"])
            return self.call(node, BACKTICK, None, None, [(value, node)], {}, None, BACKTICK)
        if kind == "assignment":
            return self._assignment(node)
        if kind == "operator_assignment":
            left = node.child_by_field_name("left")
            op = text(node.child_by_field_name("operator"))[:-1]
            right = self.eval(node.child_by_field_name("right"))
            value = self.binary(op, self.eval(left), right) if op not in ("||", "&&") else \
                self.binary("+", self.eval(left), right)  # x ||= y: either
            if left is not None:
                self._store(left, value, node)
            return value
        if kind == "binary":
            op = text(node.child_by_field_name("operator"))
            left = node.child_by_field_name("left")
            first, second = self.eval(left), self.eval(node.child_by_field_name("right"))
            if op in ("||", "or"):  # x || default: either operand
                return union([first, second]) if first.taints or second.taints else self.binary("+", first, second)
            value = self.binary(op, first, second)
            key = self.key_of(left) if left is not None else None
            if op == "<<" and key is not None:
                self.add_to(key, second, node)  # s << x, list << x append to the receiver
            return value
        if kind == "conditional":
            return self.conditional(node.child_by_field_name("condition"), node.child_by_field_name("consequence"),
                                    node.child_by_field_name("alternative"))
        if kind == "unary":
            operand = self.eval(node.child_by_field_name("operand"))
            op = text(node.child_by_field_name("operator"))
            return Value(SOME_CONST) if op in ("!", "not", "defined?") else Value(NOT_CONST, operand.taints)
        if kind == "element_reference":
            container = self.eval(node.child_by_field_name("object"))
            index = [c for c in node.named_children if c is not node.child_by_field_name("object")]
            return self.element(container, self.eval(index[0]) if index else Value(SOME_CONST))
        if kind == "array":
            return self.sequence([self.eval(c) for c in node.named_children if c.type != "comment"])
        if kind == "hash":
            pairs = [c for c in node.named_children if c.type == "pair"]
            return self.mapping([(self.eval(p.child_by_field_name("key")), self.eval(p.child_by_field_name("value")))
                                 for p in pairs])
        if kind in ("parenthesized_statements", "begin", "then", "else", "block_body", "body_statement"):
            value = self._sequence(node.named_children)
            return value if value is not None else UNKNOWN
        if kind in ("if", "unless", "case", "while", "until", "if_modifier", "unless_modifier",
                    "while_modifier", "until_modifier", "for", "return") or kind in _STOPS:
            self.exec(node)
            return UNKNOWN
        if kind in ("scope_resolution",):
            return self.read(text(node)) or self.read_source(node, None, text(node.child_by_field_name("name"))) \
                or UNKNOWN
        if kind in ("lambda", "block", "do_block", "self", "heredoc_beginning") or kind in FUNCTIONS:
            return UNKNOWN
        return union([self.eval(c) for c in node.named_children if c.type != "comment"])

    def _name(self, node: Node) -> Value:
        key = text(node)
        found = self.read(key)
        if found is not None:
            return found
        source = self.name_source(node, key)
        if source is not None:
            return source
        if node.type == "identifier":  # a method called without arguments: `helper`
            local = self.file.lookup(key, self.unit.class_name)
            if local is not None:
                return self.call(node, key, None, None, [], {}, local, key)
        return UNKNOWN

    def _assignment(self, node: Node) -> Value:
        left = node.child_by_field_name("left")
        right_node = node.child_by_field_name("right")
        if right_node is not None and right_node.type == "right_assignment_list":
            values = [self.eval(c) for c in right_node.named_children]
        else:
            values = [self.eval(right_node)]
        targets = left.named_children if left is not None and left.type == "left_assignment_list" else [left]
        for index, target in enumerate(targets):
            if target is None:
                continue
            if len(values) == len(targets):
                value = values[index]
            else:  # a, b = pair: each may hold any part of it
                value = Value(NOT_CONST, union(values).taints)
            self._store(target, value, node)
        return values[0] if len(values) == 1 else union(values)

    def _store(self, target: Node, value: Value, node: Node) -> None:
        if target.type == "element_reference":
            container = target.child_by_field_name("object")
            key = self.key_of(container) if container is not None else None
            if key is not None:
                self.add_to(key, value, node)
            return
        if target.type == "call":  # obj.attr = x: a write into the object
            receiver = target.child_by_field_name("receiver")
            method = target.child_by_field_name("method")
            self.write_sink(target, self.write_name(target, text(method)), value)
            key = self.key_of(receiver) if receiver is not None else None
            if key is not None:
                self.add_to(key, value, node)
            return
        if target.type in ("splat_argument", "rest_assignment"):
            inner = target.named_children[0] if target.named_children else None
            if inner is not None:
                self._store(inner, value, node)
            return
        key = self.key_of(target)
        if key is not None:
            self.assign(key, value, node)

    def _call(self, node: Node) -> Value:
        receiver_node = node.child_by_field_name("receiver")
        method = text(node.child_by_field_name("method"))
        receiver: Value | None = None
        receiver_key: str | None = None
        local: Unit | None = None
        if receiver_node is None or receiver_node.type == "self":
            local = self.file.lookup(method, self.unit.class_name)
        else:
            receiver_key = self.key_of(receiver_node)
            receiver = self.eval(receiver_node)
        args: list[tuple[Value, Node]] = []
        kwargs: dict[str, tuple[Value, Node]] = {}
        arguments = node.child_by_field_name("arguments")
        for argument in arguments.named_children if arguments is not None else ():
            if argument.type == "pair":
                key = argument.child_by_field_name("key")
                given = argument.child_by_field_name("value")
                kwargs[text(key).rstrip(":").lstrip(":")] = (self.eval(given), given or argument)
            elif argument.type == "block_argument":
                continue
            elif argument.type != "comment":
                args.append((self.eval(argument), argument))
        if receiver is not None and receiver.constant and not receiver.taints and all(
                v.constant and not v.taints for v, _ in (*args, *kwargs.values())):
            # %w[a b].freeze, "a,b".split(","): a method of a constant, of constants
            return receiver if method in ("freeze", "dup", "itself") else Value(SOME_CONST)
        block = node.child_by_field_name("block")
        if block is not None:
            self._block(block, receiver if receiver is not None else union([v for v, _ in args]))
        name = self.call_name(node, method)
        value = self.call(node, name, receiver, receiver_key, args, kwargs, local, method)
        return Value(SOME_CONST) if method.endswith("?") else value  # a predicate gives a boolean

    def _block(self, block: Node, given: Value) -> None:
        """`xs.each { |x| ... }`: the body runs (as a loop) with its parameters holding what the
        receiver holds."""
        parameters = block.child_by_field_name("parameters")
        body = block.child_by_field_name("body")
        names = [p for p in (parameters.named_children if parameters is not None else ()) if p.type == "identifier"]

        def once() -> None:
            for name in names:
                self.assign(text(name), self.iterated(given), name)
            if body is not None:
                self._sequence(body.named_children)

        self.loop(once)


# Statement kinds that `_sequence` runs with `exec` (they have no useful value of their own).
_STATEMENTS = frozenset({"if", "unless", "case", "while", "until", "for", "begin", "if_modifier",
                         "unless_modifier", "while_modifier", "until_modifier"})


def _positional(node: Node) -> list[Node]:
    arguments = node.child_by_field_name("arguments")
    return [a for a in (arguments.named_children if arguments is not None else ())
            if a.type not in ("pair", "block_argument", "comment")]


def make(file: Any, unit: Unit) -> RubyInterpreter:
    return RubyInterpreter(file, unit)
