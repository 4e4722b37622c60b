"""PHP adapter of the taint interpreter: statements and expressions of tree-sitter-php.

Language constructs that are not calls in the grammar are followed as calls of their own name, so
rules can name them as sinks: `echo`, `print`, `exit`, `include`/`require` (and `_once`), and
backticks as `shell_exec` (which they are, per the PHP manual)."""

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

LANGUAGE = "php"
FUNCTIONS = frozenset({"function_definition", "method_declaration", "anonymous_function", "arrow_function"})
_CLASSES = frozenset({"class_declaration", "trait_declaration", "interface_declaration", "enum_declaration"})
_SKIP = frozenset({"comment", "php_tag", "text_interpolation", "text", "namespace_definition",
                   "namespace_use_declaration", "global_declaration", "empty_statement",
                   "declare_statement", "unset_statement", "goto_statement", "named_label_statement"})
_STOPS = frozenset({"break_statement", "continue_statement", "throw_expression"})
_CALLS = frozenset({"function_call_expression", "member_call_expression", "nullsafe_member_call_expression",
                    "scoped_call_expression", "object_creation_expression"})
_MEMBERS = frozenset({"member_access_expression", "nullsafe_member_access_expression"})
_INCLUDES = frozenset({"include_expression", "include_once_expression", "require_expression",
                       "require_once_expression"})
_NUMBERS = frozenset({"int", "integer", "float", "double", "bool", "boolean"})
# Checks that prove a value is one of a known set, or made of digits only.
_ALLOW_LISTS = frozenset({"in_array", "array_key_exists"})
_VALIDATORS = frozenset({"ctype_digit", "ctype_alnum", "ctype_alpha", "is_numeric", "is_int"})
# Constructs followed as calls, and how a file spells them without naming the call.
SPELLINGS = {"echo": (b"<?=",), "shell_exec": (b"`",)}


def units(root: Node, functions: list[Node], qualify: Callable[[Node], str | None], spec: Spec) -> list[Unit]:
    """The script's top level first (PHP pages do their work there), then every function, method,
    closure and arrow function."""
    found = [Unit(root, "<module>", root, [])]
    for node in functions:
        owner = _class_of(node)
        if node.type in ("anonymous_function", "arrow_function"):
            name = f"<closure:{node.start_point[0] + 1}>"
        else:
            name = text(node.child_by_field_name("name"))
        found.append(Unit(node, f"{owner}.{name}" if owner else name, node.child_by_field_name("body"),
                          _params(node), owner, ()))
    return found


def _class_of(node: Node) -> str | None:
    current = node.parent
    while current is not None:
        if current.type in _CLASSES:
            return text(current.child_by_field_name("name"))
        if current.type in FUNCTIONS:
            return None
        current = current.parent
    return None


def _params(function: Node) -> list[Param]:
    node = function.child_by_field_name("parameters")
    params: list[Param] = []
    for child in node.named_children if node is not None else ():
        name = child.child_by_field_name("name")
        if name is None:
            continue
        declared = child.child_by_field_name("type")
        # An int parameter cannot carry an injection (PHP converts or refuses the argument).
        number = declared is not None and text(declared).lstrip("?").lower() in _NUMBERS
        params.append(Param(text(name), name, ("<number>",) if number else ()))
    return params


class PhpInterpreter(CommonInterpreter):
    PARENTHESES = "parenthesized_expression"
    BINARY = "binary_expression"
    receiver_names = frozenset({"$this"})
    concat_ops = frozenset({"."})

    def param_value(self, index: int, param: Param) -> Value:
        if "<number>" in param.names:
            return Value(SOME_CONST)
        return super().param_value(index, param)

    def run_body(self) -> None:
        body = self.unit.body
        if body is not None and self.unit.node.type == "arrow_function":
            self.give_back(self.eval(body))  # fn($x) => expression
        elif body is not None:
            self.exec(body)

    def key_of(self, node: Node) -> str | None:
        """The variable a target names: `$x`, `$this->p`, `$o->p` (of a variable)."""
        if node.type == "variable_name":
            return text(node)
        if node.type in _MEMBERS:
            base = node.child_by_field_name("object")
            inner = self.key_of(base) if base is not None else None
            name = node.child_by_field_name("name")
            return None if inner is None or name is None or name.type != "name" else f"{inner}->{text(name)}"
        if node.type == "parenthesized_expression" and node.named_children:
            return self.key_of(node.named_children[0])
        return None

    # ------------------------------------------------------------------ statements
    def exec(self, node: Node | None) -> bool:
        if node is None:
            return True
        self.tick()
        kind = node.type
        if kind in ("compound_statement", "program", "colon_block", "declaration_list"):
            self.enter()
            try:
                echo = False
                for child in node.named_children:
                    if child.type in FUNCTIONS or child.type in _CLASSES:
                        continue  # analysed as units of their own
                    if echo and child.type == "expression_statement":  # <?= $x ?> is echo $x
                        args = [(self.eval(c), c) for c in child.named_children if c.type != "comment"]
                        self.call(child, "echo", None, None, args, {}, None, "echo")
                    elif not self.exec(child):
                        return False
                    echo = child.type == "php_tag" and text(child) == "<?="
                return True
            finally:
                self.leave()
        if kind in _SKIP or kind in FUNCTIONS or kind in _CLASSES:
            return True
        if kind == "expression_statement":
            for child in node.named_children:
                self.eval(child)
            return True
        if kind == "echo_statement":
            args = [(self.eval(c), c) for c in _sequence(node)]
            self.call(node, "echo", None, None, args, {}, None, "echo")
            return True
        if kind == "return_statement":
            values = [self.eval(c) for c in node.named_children if c.type != "comment"]
            self.give_back(values[0] if values else Value(None))
            return False
        if kind in _STOPS or kind == "exit_statement":
            if kind == "exit_statement":
                args = [(self.eval(c), c) for c in node.named_children if c.type != "comment"]
                self.call(node, "exit", None, None, args, {}, None, "exit")
            return False
        if kind == "if_statement":
            return self._if(node)
        if kind in ("foreach_statement", "for_statement", "while_statement", "do_statement"):
            return self._loop(node)
        if kind == "switch_statement":
            return self._switch(node)
        if kind == "try_statement":
            return self._try(node)
        if kind == "const_declaration":  # const ALLOWED = [...]: known to every function
            for element in node.named_children:
                parts = [c for c in element.named_children if c.type != "comment"]
                if element.type == "const_element" and len(parts) == 2:
                    self.assign(text(parts[0]), self.eval(parts[1]), element)
            return True
        if kind == "function_static_declaration":
            for declaration in node.named_children:
                name, value = declaration.child_by_field_name("name"), declaration.child_by_field_name("value")
                if name is not None and value is not None:
                    self.assign(text(name), self.eval(value), declaration)
            return True
        for child in node.named_children:
            self.eval(child)
        return True

    def _if(self, node: Node) -> bool:
        arms = [Arm(node.child_by_field_name("condition"), node.child_by_field_name("body"))]
        for alternative in node.children_by_field_name("alternative"):
            body = alternative.child_by_field_name("body")
            if alternative.type == "else_if_clause":
                arms.append(Arm(alternative.child_by_field_name("condition"), body))
            else:
                arms.append(Arm(None, body))
        return self.chain(arms)

    def _loop(self, node: Node) -> bool:
        kind = node.type
        body = node.child_by_field_name("body")
        if kind == "for_statement":
            for init in node.children_by_field_name("initialize"):
                self.eval(init)
        iterated: Value | None = None
        targets: list[Node] = []
        if kind == "foreach_statement":
            parts = [c for c in node.named_children if c is not body and c.type != "comment"]
            iterated = self.eval(parts[0]) if parts else UNKNOWN
            for part in parts[1:]:
                targets.extend(part.named_children if part.type == "pair" else [part])

        def once() -> None:
            for target in targets:
                self._store(target, self.iterated(iterated or UNKNOWN), node)
            condition = node.child_by_field_name("condition")
            if condition is not None:
                self.eval(condition)
            self.exec(body)
            for update in node.children_by_field_name("update"):
                self.eval(update)

        self.loop(once)
        return True

    def _switch(self, node: Node) -> bool:
        subject = node.child_by_field_name("condition")
        self.eval(subject)
        key = self.key_of(self.unwrap(subject)) if subject is not None else None
        body = node.child_by_field_name("body")
        cases = [c for c in (body.named_children if body is not None else ())
                 if c.type in ("case_statement", "default_statement")]

        def arm(case: Node) -> Callable[[], bool]:
            def run() -> bool:
                value = case.child_by_field_name("value")
                if key is not None and value is not None and self.is_constant(value):
                    self.clean([key])
                for child in case.named_children:
                    if child is value:
                        continue
                    if not self.exec(child):
                        return False
                return True
            return run

        has_default = any(c.type == "default_statement" for c in cases)
        return self.branch([arm(c) for c in cases], fallthrough_without_arm=not has_default)

    def _try(self, node: Node) -> bool:
        ok = self.exec(node.child_by_field_name("body"))
        handlers = [c for c in node.named_children if c.type == "catch_clause"]
        arms = [lambda h=h: self.exec(h.child_by_field_name("body")) for h in handlers]
        if arms:
            ok = self.branch(arms, fallthrough_without_arm=ok) or ok
        for child in node.named_children:
            if child.type == "finally_clause":
                ok = self.exec(child.child_by_field_name("body")) and ok
        return ok

    # ------------------------------------------------------------------ conditions
    def negation(self, node: Node) -> Node | None:
        if node.type == "unary_op_expression" and text(node.child_by_field_name("operator")) == "!":
            return node.child_by_field_name("argument")
        return None

    def allow_list(self, node: Node) -> str | None:
        if node.type != "function_call_expression":
            return None
        name = text(node.child_by_field_name("function")).lstrip("\\")
        args = _arguments(node)
        if name in _VALIDATORS and args:
            return self.key_of(args[0])
        if name == "in_array" and len(args) >= 2 and self.is_constant(args[1]):
            return self.key_of(args[0])
        if name == "array_key_exists" and len(args) >= 2 and self.is_constant(args[1]):
            return self.key_of(args[0])
        return None

    def peek(self, node: Node) -> Value | None:
        kind = node.type
        if kind == "string" or kind == "nowdoc":
            parts = [c for c in node.named_children if c.type not in ("nowdoc_body",)] if kind == "string" else []
            if kind == "string" and all(p.type == "string_content" for p in parts):
                return Value("".join(text(p) for p in parts))
            return Value(SOME_CONST)
        if kind == "integer":
            try:
                return Value(int(text(node).replace("_", ""), 0))
            except ValueError:
                return Value(SOME_CONST)
        if kind == "float":
            return Value(SOME_CONST)
        if kind == "boolean":
            return Value(text(node).lower() == "true")
        if kind == "null":
            return Value(None)
        if kind == "encapsed_string" and all(c.type in ("string_content", "escape_sequence")
                                             for c in node.named_children):
            parts = node.named_children
            return Value("".join(text(p) for p in parts)) if all(p.type == "string_content" for p in parts) \
                else Value(SOME_CONST)
        if kind == "class_constant_access_expression":
            return Value(SOME_CONST)
        return None

    # ------------------------------------------------------------------ expressions
    def _eval(self, node: Node) -> Value:
        kind = node.type
        if kind == "variable_name":
            key = text(node)
            found = self.read(key)
            if found is not None:
                return found
            return self.name_source(node, key) or UNKNOWN
        if kind in _MEMBERS:
            return self._member(node)
        if kind in _CALLS:
            return self._call(node)
        literal = self.peek(node)
        if literal is not None:
            return literal
        if kind in ("encapsed_string", "heredoc", "heredoc_body", "shell_command_expression"):
            value = union([self.eval(c) for c in node.named_children if c.type not in ("string_content",
                          "escape_sequence", "heredoc_start", "heredoc_end")])
            if kind == "shell_command_expression":  # `ls $dir` is shell_exec("ls $dir")
                return self.call(node, "shell_exec", None, None, [(value, node)], {}, None, "shell_exec")
            return value
        if kind == "assignment_expression":
            return self._assignment(node)
        if kind == "augmented_assignment_expression":
            left = node.child_by_field_name("left")
            op = text(node.child_by_field_name("operator"))
            value = self.binary(op[:-1], self.eval(left), self.eval(node.child_by_field_name("right")))
            if left is not None:
                self._store(left, value, node)
            return value
        if kind == "binary_expression":
            op = text(node.child_by_field_name("operator"))
            return self.binary(op, self.eval(node.child_by_field_name("left")),
                               self.eval(node.child_by_field_name("right")))
        if kind == "conditional_expression":
            return self.conditional(node.child_by_field_name("condition"), node.child_by_field_name("body"),
                                    node.child_by_field_name("alternative"))
        if kind == "cast_expression":
            value = self.eval(node.child_by_field_name("value"))
            cast = text(node.child_by_field_name("type")).lower()
            return Value(SOME_CONST) if cast in _NUMBERS else Value(NOT_CONST, value.taints)
        if kind in ("unary_op_expression", "update_expression"):
            operand = self.eval(node.child_by_field_name("argument"))
            if kind == "update_expression":
                target = node.child_by_field_name("argument")
                counter = self.key_of(target) if target is not None else None
                if counter is not None:
                    self.env[counter] = Value(SOME_CONST)
            return Value(SOME_CONST) if not operand.taints else Value(NOT_CONST, ())
        if kind == "subscript_expression":
            parts = [c for c in node.named_children if c.type != "comment"]
            container = self.eval(parts[0]) if parts else UNKNOWN
            index = self.eval(parts[1]) if len(parts) > 1 else Value(SOME_CONST)
            return self.element(container, index)
        if kind == "array_creation_expression":
            return self._array(node)
        if kind == "print_intrinsic":
            args = [(self.eval(c), c) for c in node.named_children]
            self.call(node, "print", None, None, args, {}, None, "print")
            return Value(1)
        if kind in _INCLUDES:
            name = kind.removesuffix("_expression")
            args = [(self.eval(c), c) for c in node.named_children if c.type != "comment"]
            return self.call(node, name, None, None, args, {}, None, name)
        if kind in ("parenthesized_expression", "error_suppression_expression", "argument",
                    "reference_modifier", "by_ref"):
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.eval(inner[-1]) if inner else UNKNOWN
        if kind in ("name", "qualified_name"):
            return self.read(text(node)) or Value(SOME_CONST)  # a constant (ALLOWED, PHP_EOL)
        if kind in FUNCTIONS or kind == "relative_scope":
            return UNKNOWN
        return union([self.eval(c) for c in node.named_children if c.type != "comment"])

    def _array(self, node: Node) -> Value:
        elements = [c for c in node.named_children if c.type == "array_element_initializer"]
        if elements and all(len(e.named_children) == 2 for e in elements):
            return self.mapping([(self.eval(e.named_children[0]), self.eval(e.named_children[1])) for e in elements])
        return self.sequence([self.eval(e.named_children[-1]) for e in elements if e.named_children])

    def _assignment(self, node: Node) -> Value:
        left = node.child_by_field_name("left")
        value = self.eval(node.child_by_field_name("right"))
        if left is None:
            return value
        if left.type == "list_literal" or left.type == "array_creation_expression":
            targets = [c.named_children[-1] if c.type == "array_element_initializer" and c.named_children else c
                       for c in left.named_children if c.type != "comment"]
            keyed = [t for t in targets if t.type in ("variable_name",) or t.type in _MEMBERS]
            for target in keyed:
                self._store(target, Value(NOT_CONST, value.taints), node)
            return value
        self._store(left, value, node)
        return value

    def _store(self, target: Node, value: Value, node: Node) -> None:
        if target.type == "subscript_expression":
            container = target.named_children[0] if target.named_children else None
            key = self.key_of(container) if container is not None else None
            if key is not None:
                self.add_to(key, value, node)
            return
        if target.type in _MEMBERS:
            name = target.child_by_field_name("name")
            self.write_sink(target, self.write_name(target, text(name)), value)
        key = self.key_of(target)
        if key is not None:
            self.assign(key, value, node)

    def _member(self, node: Node) -> Value:
        key = self.key_of(node)
        if key is not None:
            found = self.read(key)
            if found is not None:
                return found
        source = self.member_source(node, _root(node), text(node.child_by_field_name("name")))
        if source is not None:
            return source
        return Value(NOT_CONST, self.eval(node.child_by_field_name("object")).taints)

    def _call(self, node: Node) -> Value:
        kind = node.type
        args = [(self.eval(a), a) for a in _arguments(node)]
        receiver: Value | None = None
        receiver_key: str | None = None
        local: Unit | None = None
        if kind == "function_call_expression":
            function = node.child_by_field_name("function")
            method = text(function).lstrip("\\").rsplit("\\", 1)[-1] if function is not None else ""
            if function is not None and function.type not in ("name", "qualified_name"):
                receiver = self.eval(function)  # $callback(...): what the callable was given
                method = ""
            else:
                local = self.file.lookup(method, None)
        elif kind == "object_creation_expression":
            created = next((c for c in node.named_children if c.type in ("name", "qualified_name")), None)
            method = text(created).rsplit("\\", 1)[-1] if created is not None else ""
        else:
            method = text(node.child_by_field_name("name"))
            owner = node.child_by_field_name("object") or node.child_by_field_name("scope")
            if owner is not None and text(owner) in ("$this", "self", "static"):
                local = self.file.lookup(method, self.unit.class_name)
            elif owner is not None and kind != "scoped_call_expression":
                receiver_key = self.key_of(owner)
                receiver = self.eval(owner)
        name = self.call_name(node, method) if method else None
        if kind == "function_call_expression" and args and self.spec.receiver_writers.matches(name):
            # array_push($parts, $x): the container is the first argument.
            receiver, receiver_key = args[0][0], self.key_of(args[0][1])
            args = args[1:]
        return self.call(node, name, receiver, receiver_key, args, {}, local, method)


def _sequence(node: Node) -> list[Node]:
    found: list[Node] = []
    for child in node.named_children:
        if child.type == "sequence_expression":
            found.extend(_sequence(child))
        elif child.type != "comment":
            found.append(child)
    return found


def _arguments(node: Node) -> list[Node]:
    arguments = node.child_by_field_name("arguments")
    if arguments is None:
        arguments = next((c for c in node.named_children if c.type == "arguments"), None)
    found = []
    for argument in arguments.named_children if arguments is not None else ():
        if argument.type == "argument":  # f($x), f(name: $x), f(...$xs): the expression
            inner = [c for c in argument.named_children if c.type != "comment"]
            argument = inner[-1] if inner else argument
        if argument.type != "comment":
            found.append(argument)
    return found


def _root(node: Node) -> Node | None:
    while node.type in _MEMBERS or node.type in ("member_call_expression", "nullsafe_member_call_expression",
                                                 "subscript_expression"):
        inner = node.child_by_field_name("object") or (node.named_children[0] if node.named_children else None)
        if inner is None:
            return None
        node = inner
    return node if node.type == "variable_name" else None


def make(file: Any, unit: Unit) -> PhpInterpreter:
    return PhpInterpreter(file, unit)
