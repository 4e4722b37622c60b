"""Python adapter of the taint interpreter: statements and expressions of tree-sitter-python."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from tree_sitter import Node

from shoal.analysis.taint.javacommand import SHELLS
from shoal.analysis.taint.spec import ALL_CLASSES, SINK_CLASSES
from shoal.analysis.taint.core import (
    NOT_CONST,
    SOME_CONST,
    UNKNOWN,
    Interpreter,
    TaintBudgetExceeded,
    extend,
    Param,
    Spec,
    Unit,
    Value,
    join,
    join_envs,
    merge_taints,
    text,
    union,
)

LANGUAGE = "python"
FUNCTIONS = frozenset({"function_definition"})
_SKIP = frozenset({"function_definition", "class_definition", "decorated_definition",
                   "import_statement", "import_from_statement", "future_import_statement",
                   "comment", "pass_statement", "global_statement", "nonlocal_statement"})
_STOPS = frozenset({"return_statement", "raise_statement", "break_statement", "continue_statement"})
# Calls that never return: a guard `if x not in ALLOWED: abort(400)` ends that path as `raise` would.
_NO_RETURN = frozenset({"flask.abort", "werkzeug.exceptions.abort", "flask_restful.abort", "sys.exit", "os._exit",
                        "os.abort"})
_NO_RETURN_LASTS = frozenset(name.rsplit(".", 1)[-1] for name in _NO_RETURN)
_FOLD: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "//": operator.floordiv, "%": operator.mod,
}
_LITERALS = {"true": True, "false": False, "none": None}
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge, "==": operator.eq,
    "!=": operator.ne, "in": lambda a, b: a in b, "not in": lambda a, b: a not in b,
    "is": operator.is_, "is not": operator.is_not,
}
# Methods that leave a list as it was: a list tracked element by element stays tracked.
_READERS = frozenset({"index", "count", "copy"})
_ESCAPES = re.compile(r"\\(.)", re.S)  # the escapes a constant's value is compared by: '\'' is "'"
_ESCAPED = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r", "0": "\0"}
# Library functions that compute their result from their arguments alone: given constants, they
# give a constant (base64.b64decode(b"...") is no request data, nor is it unknown).
_PURE_MODULES = ("base64.", "binascii.", "urllib.parse.", "json.", "codecs.", "html.", "shlex.", "os.path.",
                 "posixpath.", "ntpath.", "markupsafe.", "string.", "textwrap.", "unicodedata.")
_PURE_BUILTINS = frozenset({"str", "repr", "bytes", "int", "float", "bool", "len", "format", "ord", "chr", "hex",
                            "abs", "round", "min", "max", "sorted", "tuple", "list"})
_STR_METHODS = frozenset({"format", "join", "upper", "lower", "strip", "replace", "format_map", "encode", "decode",
                          "lstrip", "rstrip", "split", "rsplit", "title", "capitalize", "casefold", "swapcase",
                          "removeprefix", "removesuffix", "zfill", "center", "ljust", "rjust", "splitlines",
                          "partition", "rpartition", "expandtabs", "translate"})
# Process starts given an argument vector (no shell): only the program, and a shell's script after
# its -c, decide what runs; an argument to a fixed program is not a command.
_ARGV_STARTS = frozenset({"subprocess.run", "subprocess.call", "subprocess.Popen", "subprocess.check_call",
                          "subprocess.check_output"})
_SCRIPT_FLAGS = frozenset({"-c", "/c", "/C", "-Command", "-command"})
_PATH_DOTS = re.compile(r"\.\.")  # a guard that rejects `..` (or `../`) rejects a climb out of a folder
_ONLY_CHOSEN = frozenset(SINK_CLASSES) - {"trust-boundary"}  # what a user-chosen bool is harmless for
_COMPREHENSIONS = frozenset({"list_comprehension", "set_comprehension", "dictionary_comprehension",
                             "generator_expression"})


def units(root: Node, functions: list[Node], qualify: Callable[[Node], str | None], spec: Spec) -> list[Unit]:
    """The module's top level first (its constants are the functions' globals), then every def.
    Decorators and parameter types are resolved only where a source could be named by them."""
    found = [Unit(root, "<module>", root, [])]
    marks = spec.parameter_lasts
    routed = _routed_views(root, qualify)
    for node in functions:
        name = text(node.child_by_field_name("name"))
        owner = _class_of(node)
        decorators: tuple[str, ...] = ()
        if node.parent is not None and node.parent.type == "decorated_definition":
            decorators = tuple(filter(None, (_decorator_name(d, qualify, marks) for d in node.parent.children
                                             if d.type == "decorator")))
        method = owner is not None and not any(d.endswith("staticmethod") for d in decorators)
        params = _params(node, qualify, method, marks)
        route = routed.get(name) if owner is None else None
        if route is not None:
            # A Django view's parameters after `request` hold parts of the URL: they are given
            # the routing function's name, which a source names as their annotation.
            params = params[:1] + [Param(p.name, p.node, (*p.names, route)) for p in params[1:]]
        found.append(Unit(node, f"{owner}.{name}" if owner else name, node.child_by_field_name("body"),
                          params, owner, decorators))
    return found


def function_text(source: bytes, name: str) -> bytes:
    """The text of the functions named `name` in a module (every class's), read from the bytes
    without parsing: from each `def` to the next line indented no deeper. For a cheap test of
    what a function of another file may do before that file is parsed; empty if none."""
    wanted = b"def " + name.encode()
    texts = []
    at = source.find(wanted)
    while at != -1:
        line = source.rfind(b"\n", 0, at) + 1
        before = source[line:at]
        after = source[at + len(wanted):at + len(wanted) + 1]
        if before.strip(b" \t") in (b"", b"async") and after in (b"(", b" ", b"\t"):
            indent = len(before) - len(before.lstrip(b" \t"))
            end = _dedent(indent).search(source, at + len(wanted))
            texts.append(source[at:end.start() if end is not None else len(source)])
        at = source.find(wanted, at + len(wanted))
    return b"\n".join(texts)


@cache
def _dedent(indent: int) -> re.Pattern[bytes]:
    """A line of code indented `indent` columns or fewer: the end of a block opened at `indent`."""
    return re.compile(rb"^[ \t]{0,%d}(?=[^ \t\r\n#])" % indent, re.MULTILINE)


_ROUTES = frozenset({"path", "re_path", "url"})
_ROUTE_NAMES = frozenset({"django.urls.path", "django.urls.re_path", "django.conf.urls.url"})


def _routed_views(root: Node, qualify: Callable[[Node], str | None]) -> dict[str, str]:
    """Functions the module routes URLs to (`urlpatterns = [path("x/<id>/", view)]`), by name,
    with the routing function's qualified name. Only the module's own statements are read."""
    found: dict[str, str] = {}
    for function, view in _route_calls(root):
        route = qualify(function)
        if route in _ROUTE_NAMES:
            found[_last(view)] = route
    return found


def _route_calls(root: Node) -> Iterable[tuple[Node, Node]]:
    """(callee, view) of the module's calls that may route a URL to a view, by the callee's
    last name as written (`path("x/", view)`)."""
    pending = [c for c in root.named_children if c.type in ("expression_statement", "assignment")]
    while pending:
        node = pending.pop()
        if node.type == "call":
            function = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            if function is not None and arguments is not None and _last(function) in _ROUTES:
                views = [a for a in arguments.named_children if a.type != "keyword_argument"][1:2]
                if views and views[0].type in ("identifier", "attribute"):
                    yield function, views[0]
        if node.type in ("expression_statement", "assignment", "augmented_assignment", "list", "tuple",
                         "call", "argument_list", "binary_operator", "parenthesized_expression"):
            pending.extend(node.named_children)


def may_take_sources(root: Node, functions: list[Node], spec: Spec) -> bool:
    """Whether some function may have a parameter that is a source (Spec.param_starts), read as
    `units` would read it but without resolving a name: a decorator or a parameter's annotation
    whose last name is one a parameter source ends with, or a view the module routes. False lets
    a file that names no source in its code go without building its units (most that pass
    Spec.may_apply: a source named in a docstring or a comment only)."""
    marks = spec.parameter_lasts
    if marks is None or next(iter(_route_calls(root)), None) is not None:
        return True
    for node in functions:
        parent = node.parent
        if parent is not None and parent.type == "decorated_definition":
            for decorator in parent.children:
                if decorator.type == "decorator" and _decorator_last(decorator) in marks:
                    return True
        parameters = node.child_by_field_name("parameters")
        for child in parameters.named_children if parameters is not None else ():
            if child.type not in _TYPED_PARAMETERS:
                continue
            kind = child.child_by_field_name("type")
            if kind is not None and kind.named_children and _last(kind.named_children[0]) in marks:
                return True
    return False


def reads_source(root: Node, start: int, qualify: Callable[[Node], str | None], spec: Spec) -> bool:
    """Whether the name a source word is written in at byte `start` (`.GET`, `request.`, `input`)
    may resolve to a source: the identifier or attribute there, or an attribute around it, names
    one as the file's NameTable qualifies it. The interpreter reads sources only through such a
    name, so a function whose source words all fail this (`response.headers`, `self.META`, a
    local named `input`) cannot start a flow of its own."""
    node: Node | None = root.descendant_for_byte_range(start, start + 1)
    if node is not None and node.type == "." and node.parent is not None:
        node = node.parent
    while node is not None and node.type in ("identifier", "attribute"):
        if spec.source_for(qualify(node)) is not None:
            return True
        parent = node.parent
        node = parent if parent is not None and parent.type == "attribute" else None
    return False


def local_callee(name: Node, file: Any, class_name: str | None) -> Unit | None:
    """The function of this file a call whose callee's last identifier is `name` runs, as
    PythonInterpreter._call finds it from a function of class `class_name` (None: not a call, or
    of nothing of this file): `f(x)`, `self.m(x)`, `Directory().lookup(x)`."""
    parent = name.parent
    if parent is not None and parent.type == "call" and parent.child_by_field_name("function") == name:
        found: Unit | None = file.lookup(text(name), None)  # (the interpreter also asks that no local shadows it)
        return found
    if parent is None or parent.type != "attribute" or parent.child_by_field_name("attribute") != name \
            or parent.parent is None or parent.parent.type != "call":
        return None
    return _method_callee(parent.child_by_field_name("object"), text(name), file, class_name)


def _method_callee(base: Node | None, method: str, file: Any, class_name: str | None) -> Unit | None:
    """The function of this file `base.method(...)` runs: a method of the current class on
    self or cls, or of a class of this file on a new instance."""
    if base is not None and base.type == "identifier" and text(base) in PythonInterpreter.receiver_names:
        return file.lookup(method, class_name)  # type: ignore[no-any-return]
    if base is not None and base.type == "call":
        owner = _last(base.child_by_field_name("function") or base)
        return file.by_name.get(f"{owner}.{method}") if owner else None
    return None


def _decorator_last(decorator: Node) -> str:
    """The last name of what a decorator calls or names, as written (`route` of `@app.route(...)`)."""
    expression = next((c for c in decorator.named_children if c.type != "comment"), None)
    if expression is None:
        return ""
    callee = expression.child_by_field_name("function") if expression.type == "call" else expression
    return _last(callee) if callee is not None else ""


def _textual(node: Node) -> bool:
    """Text built at run time: an f-string, "..." % x, "..." + x, "...".format(x), "".join(x)."""
    kind = node.type
    if kind == "parenthesized_expression" and node.named_children:
        return _textual(node.named_children[0])
    if kind == "string":
        return any(c.type == "interpolation" for c in node.named_children)
    if kind == "binary_operator":
        left = node.child_by_field_name("left")
        return left is not None and (left.type in ("string", "concatenated_string") or _textual(left))
    if kind == "call":
        function = node.child_by_field_name("function")
        base = function.child_by_field_name("object") if function is not None and function.type == "attribute" else None
        return base is not None and function is not None and base.type == "string" \
            and _last(function) in ("format", "join")
    return False


def _parsed_from(node: Node) -> str | None:
    """The name `urlparse(url)` or `urlsplit(url).hostname` parses: `url`."""
    call = node.child_by_field_name("object") if node.type == "attribute" else node
    if call is None or call.type != "call":
        return None
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    if function is None or _last(function) not in ("urlparse", "urlsplit") or first is None:
        return None
    return key_of(first)


def _contained(node: Node) -> list[str]:
    """The names a `commonpath([...])` / `commonprefix([...])` call compares with its base."""
    if node.type != "call" or _last(node.child_by_field_name("function") or node) not in ("commonpath", "commonprefix"):
        return []
    arguments = node.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    if first is None or first.type not in ("list", "tuple"):
        return []
    return [k for k in (key_of(c) for c in first.named_children) if k is not None]


def _class_of(function: Node) -> str | None:
    parent = function.parent
    if parent is not None and parent.type == "decorated_definition":
        parent = parent.parent
    if parent is not None and parent.type == "block" and parent.parent is not None \
            and parent.parent.type == "class_definition":
        return text(parent.parent.child_by_field_name("name"))
    return None


def _decorator_name(decorator: Node, qualify: Callable[[Node], str | None], marks: frozenset[str] | None) -> str | None:
    expression = next((c for c in decorator.named_children if c.type != "comment"), None)
    if expression is None:
        return None
    callee = expression.child_by_field_name("function") if expression.type == "call" else expression
    last = _last(callee) if callee is not None else ""
    if last == "staticmethod":
        return last
    return qualify(expression) if marks is None or last in marks else None


def _params(function: Node, qualify: Callable[[Node], str | None], method: bool,
            marks: frozenset[str] | None) -> list[Param]:
    node = function.child_by_field_name("parameters")
    params: list[Param] = []
    for child in node.named_children if node is not None else ():
        kind_of = child.type
        if kind_of == "identifier":
            name_node: Node | None = child
        elif kind_of in ("list_splat_pattern", "dictionary_splat_pattern"):
            name_node = child.named_children[0] if child.named_children else None
        elif kind_of == "typed_parameter":
            name_node = child.named_children[0]
        else:
            name_node = child.child_by_field_name("name")
        if name_node is None or name_node.type != "identifier":
            continue
        kind = child.child_by_field_name("type") if kind_of in _TYPED_PARAMETERS else None
        annotation = kind.named_children[0] if kind is not None and kind.named_children else None
        wanted = annotation is not None and (marks is None or _last(annotation) in marks)
        names = tuple(filter(None, [qualify(annotation)] if wanted and annotation is not None else []))
        params.append(Param(text(name_node), name_node, names))
    if method and params:
        params = params[1:]  # self / cls: the receiver, not an argument
    return params


# The only parameters with a `type` field (an annotation): asking the others for one is a C call
# that finds nothing, for every parameter of every function of a file.
_TYPED_PARAMETERS = frozenset({"typed_parameter", "typed_default_parameter"})


def _arguments(arguments: Node | None) -> list[Node]:
    """A call's arguments as written: `f(x for x in xs)` has a generator expression in place of
    the argument list (its clauses are not arguments of their own)."""
    if arguments is None:
        return []
    return [arguments] if arguments.type == "generator_expression" else arguments.named_children


def _last(node: Node) -> str:
    """The last identifier of a name: `b` of `a.b`, `a` of `a`."""
    if node.type == "attribute":
        return text(node.child_by_field_name("attribute"))
    return text(node) if node.type == "identifier" else ""


def _root(node: Node) -> Node | None:
    """The identifier an attribute chain starts from, if it starts from one."""
    while node.type == "attribute":
        inner = node.child_by_field_name("object")
        if inner is None:
            return None
        node = inner
    return node if node.type == "identifier" else None


def key_of(node: Node) -> str | None:
    """The variable a target names: `x`, `self.field`, `a.b`; None for anything else."""
    if node.type == "identifier":
        return text(node)
    if node.type == "attribute":
        base = node.child_by_field_name("object")
        inner = key_of(base) if base is not None else None
        return None if inner is None else f"{inner}.{text(node.child_by_field_name('attribute'))}"
    return None


_NUMERIC_CONVERTERS = re.compile(r"<(?:int|float|uuid):(\w+)>")
_NUMERIC_TYPES = frozenset({"int", "float", "bool", "UUID", "uuid.UUID", "Decimal", "decimal.Decimal",
                            "datetime", "date", "datetime.datetime", "datetime.date"})


class PythonInterpreter(Interpreter):
    receiver_names = frozenset({"self", "cls"})

    def __init__(self, file: Any, unit: Unit) -> None:
        super().__init__(file, unit)
        self.parsed_from: dict[str, str] = {}  # see _note_parsed
        self.textual: set[str] = set()  # names last assigned text built at run time (see _textual)
        self.indexed: set[str] = set()  # containers with entries of their own in env: `x[0]`, `x[('s', 'k')]`
        self.breaks: list[list[dict[str, Value]]] = []  # per enclosing loop: the states at its `break`s
        self.continues: list[list[dict[str, Value]]] = []  # and at its `continue`s

    def param_value(self, index: int, param: Param) -> Value:
        """A route parameter the framework converts to a number or UUID before the handler runs
        (`@app.route("/items/<int:id>")`, FastAPI's `id: int`) holds no text of the request."""
        value = super().param_value(index, param)
        if value.taints and value.taints[0].origin in ("remote", "local") and self._converted(param):
            return Value(SOME_CONST)
        return value

    def _converted(self, param: Param) -> bool:
        annotation = param.node.parent.child_by_field_name("type") if param.node.parent is not None else None
        if annotation is not None and text(annotation) in _NUMERIC_TYPES:
            return True
        decorated = self.unit.node.parent
        if decorated is None or decorated.type != "decorated_definition":
            return False
        return any(param.name in _NUMERIC_CONVERTERS.findall(text(d)) for d in decorated.children if d.type == "decorator")

    def _never_returns(self, call: Node) -> bool:
        function = call.child_by_field_name("function")
        return function is not None and _last(function) in _NO_RETURN_LASTS and self.file.qualify(call) in _NO_RETURN

    # ------------------------------------------------------------------ statements
    def exec(self, node: Node) -> bool:
        self.left -= 1  # tick(), written out as in eval()
        if self.left < 0:
            raise TaintBudgetExceeded("budget")
        kind = node.type
        if kind in ("block", "module"):
            self.enter()
            try:
                for child in node.named_children:
                    if not self.exec(child):
                        return False
                return True
            finally:
                self.leave()
        if kind in _SKIP:
            return True
        if kind == "expression_statement":
            for child in node.named_children:
                self.eval(child)
            return not any(child.type == "call" and self._never_returns(child) for child in node.named_children)
        if kind == "return_statement":
            values = [self.eval(c) for c in node.named_children]
            self.give_back(values[0] if len(values) == 1 else (union(values) if values else Value(None)))
            if self.spec.return_sinks and self.unit.decorators and node.named_children:
                self._response(node.named_children[0], values[0])
            return False
        if kind in _STOPS:
            for child in node.named_children:
                self.eval(child)
            # A `break` goes on after the loop, a `continue` at its next turn: with what it holds now.
            if kind == "break_statement" and self.breaks:
                self.breaks[-1].append(dict(self.env))
            elif kind == "continue_statement" and self.continues:
                self.continues[-1].append(dict(self.env))
            return False
        if kind == "if_statement":
            return self._if(node)
        if kind == "for_statement":
            return self._for(node)
        if kind == "while_statement":
            return self._while(node)
        if kind == "try_statement":
            return self._try(node)
        if kind == "with_statement":
            return self._with(node)
        if kind == "match_statement":
            return self._match(node)
        if kind == "delete_statement":
            # del lst[0] shifts what a tracked list holds: what is known of its elements is gone
            for target in node.named_children:
                for item in (target.named_children if target.type == "expression_list" else [target]):
                    container = item.child_by_field_name("value") if item.type == "subscript" else None
                    key = key_of(container) if container is not None else None
                    if key is not None and f"{key}[#len]" in self.env:
                        self.forget(key)
        for child in node.named_children:  # assert, del, print, exec, type alias...
            self.eval(child)
        return True

    def _if(self, node: Node) -> bool:
        condition = node.child_by_field_name("condition")
        body = node.child_by_field_name("consequence")
        rest = node.children_by_field_name("alternative")
        return self._chain(condition, body, rest)

    def _chain(self, condition: Node | None, body: Node | None, rest: list[Node]) -> bool:
        value = self.eval(condition) if condition is not None else UNKNOWN
        when_true, when_false = self.refinements(condition)
        safe_true, safe_false = self.path_guards(condition)
        folded = _truth(value)

        def then() -> bool:
            self.clean(when_true)
            self.cleanse(safe_true, "path")
            return self.exec(body) if body is not None else True

        def otherwise() -> bool:
            self.clean(when_false)
            self.cleanse(safe_false, "path")
            if not rest:
                return True
            head = rest[0]
            if head.type == "elif_clause":
                return self._chain(head.child_by_field_name("condition"), head.child_by_field_name("consequence"), rest[1:])
            block = head.child_by_field_name("body")
            return self.exec(block) if block is not None else True

        if folded is True:
            for arm in rest:
                self.skipped(arm)
            return then()
        if folded is False:
            if body is not None:
                self.skipped(body)
            return otherwise()
        return self.branch([then, otherwise], fallthrough_without_arm=False)

    def refinements(self, condition: Node | None) -> tuple[list[str], list[str]]:
        """Names a condition proves to hold a known value: `x in ALLOWED`, `x == "a"`, `x.isdigit()`
        (when true) and their negations (when false)."""
        return _by_logic(condition, self._refinement)

    def _refinement(self, condition: Node) -> tuple[list[str], list[str]]:
        """`refinements` of a condition that is not parenthesised, negated or joined by and/or."""
        if condition.type == "comparison_operator":
            operands = condition.named_children
            operators = [text(c) for c in condition.children if not c.is_named]
            contained = _contained(operands[0]) if len(operands) == 2 else []
            if contained and " ".join(operators) in ("==", "!="):
                # os.path.commonpath([BASE, path]) == BASE: the path is inside the base folder
                return (contained, []) if operators == ["=="] else ([], contained)
            if len(operands) == 2 and operators:
                key = key_of(operands[0]) or _parsed_from(operands[0])
                other = self.eval(operands[1])
                if key is not None and other.constant and not other.taints:
                    joined = " ".join(operators)
                    if joined in ("in", "=="):
                        return [key], []
                    if joined in ("not in", "!="):
                        return [], [key]
        if condition.type == "call":
            function = condition.child_by_field_name("function")
            checked = self._validated(condition, function)
            if checked:
                return checked, []
            if function is not None and function.type == "attribute":
                method = text(function.child_by_field_name("attribute"))
                receiver = function.child_by_field_name("object")
                key = key_of(receiver) if receiver is not None else None
                if key is not None and method in ("isdigit", "isdecimal", "isnumeric", "isalnum", "isidentifier",
                                                  "is_relative_to"):
                    return [key], []
                arguments = condition.child_by_field_name("arguments")
                if key is not None and method == "startswith" and arguments is not None \
                        and any(not self.eval(a).taints for a in arguments.named_children):
                    # path.startswith(BASE + os.sep) after realpath: a prefix check
                    return [key], []
        return [], []

    def path_guards(self, condition: Node | None) -> tuple[list[str], list[str]]:
        """Names a condition proves hold no `..` (when true, when false): `if ".." in name: return`
        leaves a name that cannot climb out of the folder it is joined to."""
        return _by_logic(condition, self._path_guard)

    def _path_guard(self, condition: Node) -> tuple[list[str], list[str]]:
        if condition.type != "comparison_operator" or len(condition.named_children) != 2:
            return [], []
        needle, haystack = condition.named_children
        operator_text = " ".join(text(c) for c in condition.children if not c.is_named)
        found = self.eval(needle)
        key = key_of(haystack)
        if key is None or not isinstance(found.const, str) or found.taints or not _PATH_DOTS.search(found.const):
            return [], []
        if operator_text == "in":
            return [], [key]
        if operator_text == "not in":
            return [key], []
        return [], []

    def cleanse(self, keys: Iterable[str], sink_class: str) -> None:
        """After a check that rules out what makes data harmful for one class of sink only."""
        for key in keys:
            value = self.env.get(key)
            if value is not None and value.taints:
                self.env[key] = Value(value.const, tuple(extend(t, cleansed=frozenset({sink_class}))
                                                         for t in value.taints))

    def _validated(self, call: Node, function: Node | None) -> list[str]:
        """The names a check passes when true: a sanitiser called as a condition is a validator
        (`url_has_allowed_host_and_scheme(url)`), and so is a regex's full match of a name."""
        if function is None:
            return []
        arguments = call.child_by_field_name("arguments")
        args = [a for a in (arguments.named_children if arguments is not None else ()) if a.type != "keyword_argument"]
        if function.type == "attribute" and _last(function) == "fullmatch":
            target = args[-1:] if args else []
            return [k for k in (key_of(a) for a in target) if k is not None]
        if self.spec.sanitizers_for(self.file.qualify(function)):
            return [k for k in (key_of(a) for a in args[:1]) if k is not None]
        return []

    def _for(self, node: Node) -> bool:
        iterable = self.eval(node.child_by_field_name("right"))
        left = node.child_by_field_name("left")
        body = node.child_by_field_name("body")

        def once() -> None:
            if left is not None:
                self.bind(left, Value(NOT_CONST, iterable.taints), left)
            if body is not None:
                self.exec(body)

        self.breaks.append([])
        self.continues.append([])
        try:
            self.loop(lambda: self._turn(once))
        finally:
            self.continues.pop()
            broken = self.breaks.pop()
        alternative = node.child_by_field_name("alternative")
        if alternative is not None and alternative.named_children:
            self.exec(alternative.named_children[-1])
        if broken:
            self.env = join_envs([self.env, *broken])
        return True

    def _turn(self, body: Callable[[], Any]) -> None:
        """One turn of a loop's body; the states its `continue`s left join the state at its end."""
        del self.continues[-1][:]
        body()
        if self.continues[-1]:
            self.env = join_envs([self.env, *self.continues[-1]])

    def _while(self, node: Node) -> bool:
        condition = node.child_by_field_name("condition")
        if condition is not None and _truth(self.eval(condition)) is False:
            body = node.child_by_field_name("body")
            if body is not None:
                self.skipped(body)
            return True
        body = node.child_by_field_name("body")
        if body is not None:
            self.breaks.append([])
            self.continues.append([])
            try:
                self.loop(lambda: self._turn(lambda: self.exec(body)))
            finally:
                self.continues.pop()
                broken = self.breaks.pop()
            if broken:
                self.env = join_envs([self.env, *broken])
        return True

    def _try(self, node: Node) -> bool:
        body = node.child_by_field_name("body")
        ok = self.exec(body) if body is not None else True
        handlers = [c for c in node.named_children if c.type in ("except_clause", "except_group_clause")]
        arms = [lambda h=h: self._handler(h) for h in handlers]
        if arms:
            ok = self.branch(arms, fallthrough_without_arm=ok) or ok
        for child in node.named_children:
            if child.type == "else_clause" and ok:
                block = child.child_by_field_name("body")
                ok = self.exec(block) if block is not None else ok
            elif child.type == "finally_clause":
                for block in child.named_children:
                    if block.type == "block":
                        ok = self.exec(block) and ok
        return ok

    def _handler(self, clause: Node) -> bool:
        for child in clause.named_children:
            if child.type == "block":
                return self.exec(child)
        return True

    def _with(self, node: Node) -> bool:
        for clause in node.named_children:
            if clause.type != "with_clause":
                continue
            for item in clause.named_children:
                value_node = item.child_by_field_name("value")
                if value_node is None:
                    continue
                if value_node.type == "as_pattern":
                    value = self.eval(value_node.named_children[0])
                    alias = value_node.child_by_field_name("alias")
                    if alias is not None and alias.named_children:
                        self.bind(alias.named_children[0], value, alias)
                else:
                    self.eval(value_node)
        body = node.child_by_field_name("body")
        return self.exec(body) if body is not None else True

    def _match(self, node: Node) -> bool:
        subject = node.child_by_field_name("subject")
        value = self.eval(subject) if subject is not None else UNKNOWN
        body = node.child_by_field_name("body")
        cases = [c for c in (body.named_children if body is not None else ()) if c.type == "case_clause"]
        if _known(value):
            # A subject the analysis knows picks its case as Python would: the cases before it that
            # cannot match, and those after it, never run.
            for at, case in enumerate(cases):
                matched = self._case_matches(case, value.const)
                if matched is None:
                    cases = cases[at:]
                    break
                consequence = case.child_by_field_name("consequence")
                if not matched:
                    if consequence is not None:
                        self.skipped(consequence)
                    continue
                for later in cases[at + 1:]:
                    skipped = later.child_by_field_name("consequence")
                    if skipped is not None:
                        self.skipped(skipped)
                return self.exec(consequence) if consequence is not None else True
            else:
                return True
        arms = [lambda c=c: self.exec(c.child_by_field_name("consequence")) if c.child_by_field_name("consequence") else True
                for c in cases]
        return self.branch(arms, fallthrough_without_arm=True)

    def _case_matches(self, case: Node, subject: Any) -> bool | None:
        """Whether a case's pattern matches a known subject; None where the analysis cannot tell
        (a capture, a class pattern, a guard)."""
        patterns = [c for c in case.named_children if c.type == "case_pattern"]
        if len(patterns) != 1 or any(c.type == "if_clause" for c in case.named_children):
            return None
        return self._pattern_matches(patterns[0], subject)

    def _pattern_matches(self, pattern: Node, subject: Any) -> bool | None:
        if pattern.type == "case_pattern":
            if not pattern.named_children:
                return True if text(pattern) == "_" else None
            if len(pattern.named_children) != 1:
                return None
            return self._pattern_matches(pattern.named_children[0], subject)
        if pattern.type == "union_pattern":
            results = [self._pattern_matches(p, subject) for p in pattern.named_children]
            if any(r is True for r in results):
                return True
            return False if all(r is False for r in results) else None
        if pattern.type in ("string", "integer", "true", "false", "none", "concatenated_string"):
            literal = self.eval(pattern)
            if not _known(literal):
                return None
            return type(literal.const) is type(subject) and literal.const == subject
        return None

    # ------------------------------------------------------------------ binding
    def bind(self, target: Node, value: Value, at: Node, right: Node | None = None) -> None:
        kind = target.type
        if kind in ("identifier", "attribute"):
            key = key_of(target)
            if kind == "attribute":
                self.write_sink(target, self.write_name(target, _last(target)), value)
            if key is not None:
                if key in self.indexed:
                    self.forget(key)
                self.assign(key, value, at)
                if right is not None and right.type == "list" and kind == "identifier":
                    self._track_list(key, right)
            return
        if kind == "subscript":
            container = target.child_by_field_name("value")
            root = container
            while root is not None and root.type == "subscript":  # session["a"]["b"] = v
                root = root.child_by_field_name("value")
            if root is not container and root is not None:
                self.write_sink(target, self.write_name(root, _last(root)), value)
            index = target.child_by_field_name("subscript")
            key = key_of(container) if container is not None else None
            index_value = self.eval(index) if index is not None else UNKNOWN
            if container is not None:
                self.write_sink(target, self.write_name(container, _last(container)), value)
                if isinstance(index_value.const, str) and index_value.const.isidentifier():
                    # response["Location"] = url, resp.headers["Location"] = url
                    named = self.write_name(container, index_value.const)
                    self.write_sink(target, named and f"{named}.{index_value.const}", value)
            if key is not None and _hashable(index_value.const):
                self.assign(f"{key}[{index_value.const!r}]", value, at)
                self.indexed.add(key)
                self.add_to(key, value, at)
            elif key is not None:
                if f"{key}[#len]" in self.env:
                    self.forget(key)  # lst[i] = v: any element may now be v
                self.add_to(key, value, at)
            return
        if kind in ("pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list"):
            targets = list(target.named_children)
            parts = list(right.named_children) if right is not None and right.type in (
                "expression_list", "tuple", "list") else None
            if parts is not None and len(parts) == len(targets):
                for sub, part in zip(targets, parts):
                    self.bind(sub, self.eval(part), at)
                return
            if isinstance(value.const, tuple) and len(value.const) == len(targets):
                for sub, item in zip(targets, value.const):
                    self.bind(sub, Value(item), at)
                return
            for sub in targets:
                self.bind(sub, Value(SOME_CONST if value.constant else NOT_CONST, value.taints), at)
            return
        if kind in ("list_splat_pattern", "parenthesized_expression") and target.named_children:
            self.bind(target.named_children[0], Value(NOT_CONST, value.taints), at)

    # ------------------------------------------------------------------ expressions
    def _eval(self, node: Node) -> Value:  # noqa: C901 - one dispatch over the grammar's expressions
        kind = node.type
        if kind == "identifier":
            key = text(node)
            if key in self.indexed and not _element_use(node):
                self.forget(key)  # passed on or aliased: whoever gets it may change it
            found = self.read(key)
            if found is not None:
                return found
            return self.read_source(node, node, key) or UNKNOWN
        if kind == "attribute":
            return self._attribute(node)
        if kind == "call":
            return self._call(node)
        if kind == "string":
            return self._string(node)
        if kind == "concatenated_string":
            return self._concat([self._string(c) for c in node.named_children])
        if kind == "integer":
            try:
                return Value(int(text(node).replace("_", ""), 0))
            except ValueError:
                return Value(SOME_CONST)
        if kind == "float":
            return Value(SOME_CONST)
        if kind in _LITERALS:
            return Value(_LITERALS[kind])
        if kind == "assignment":
            return self._assignment(node)
        if kind == "augmented_assignment":
            left = node.child_by_field_name("left")
            right = self.eval(node.child_by_field_name("right"))
            current = self.eval(left)
            op = text(node.child_by_field_name("operator"))[:-1]
            value = self._binary(op, current, right)
            if left is not None:
                self.bind(left, value, node)
                right_node = node.child_by_field_name("right")
                if left.type == "identifier" and op == "+" and right_node is not None and (
                        _textual(right_node) or isinstance(current.const, str)):
                    self.textual.add(text(left))  # html = ""; html += f"<p>{name}</p>"
            return value
        if kind == "binary_operator":
            lhs = self.eval(node.child_by_field_name("left"))
            rhs = self.eval(node.child_by_field_name("right"))
            return self._binary(text(node.child_by_field_name("operator")), lhs, rhs)
        if kind == "boolean_operator":
            lhs = self.eval(node.child_by_field_name("left"))
            rhs = self.eval(node.child_by_field_name("right"))
            return join(lhs, rhs)
        if kind in ("comparison_operator", "not_operator"):
            # A bool: no text of the input survives, but the user still chose it (is_admin == "1")
            operands = [self.eval(child) for child in node.named_children]
            folded = _compare(node, operands)
            if folded is not None:
                return Value(folded)
            taints = merge_taints(*(v.taints for v in operands))
            return Value(SOME_CONST, tuple(extend(t, cleansed=_ONLY_CHOSEN) for t in taints))
        if kind == "conditional_expression":
            return self._conditional(node)
        if kind in ("parenthesized_expression", "await", "expression_list") and len(node.named_children) == 1:
            return self.eval(node.named_children[0])
        if kind in ("tuple", "list", "set", "expression_list"):
            items = [self.eval(c) for c in node.named_children]
            if all(i.constant and i.const is not SOME_CONST for i in items):
                return Value(tuple(i.const for i in items))
            const = SOME_CONST if all(i.constant for i in items) else NOT_CONST
            return Value(const, merge_taints(*(i.taints for i in items)))
        if kind == "dictionary":
            return self._dictionary(node)
        if kind == "subscript":
            return self._subscript(node)
        if kind == "named_expression":
            value = self.eval(node.child_by_field_name("value"))
            name = node.child_by_field_name("name")
            if name is not None:
                self.bind(name, value, node)
            return value
        if kind == "unary_operator":
            operand = self.eval(node.child_by_field_name("argument"))
            sign = text(node.child_by_field_name("operator"))
            if _known(operand) and type(operand.const) in (int, float) and sign in ("-", "+"):
                return Value(-operand.const if sign == "-" else operand.const)  # lst[-1], n = -5
            return Value(SOME_CONST if operand.constant else NOT_CONST, operand.taints)
        if kind in ("lambda", "ellipsis"):
            return UNKNOWN
        if kind == "keyword_argument":
            return self.eval(node.child_by_field_name("value"))
        if kind in _COMPREHENSIONS:
            return self._comprehension(node)
        # comprehensions, splats, slices, unary operators...: whatever they read
        return union([self.eval(c) for c in node.named_children])

    def clean(self, keys: Iterable[str]) -> None:
        """A checked part of a parsed URL (`urlparse(url).hostname in ALLOWED`) checks the URL."""
        keys = list(keys)
        parsed = [self.parsed_from.get(k.split(".", 1)[0]) for k in keys]
        super().clean(keys + [k for k in parsed if k is not None])

    def _response(self, returned: Node, value: Value) -> None:
        """What a view returns, when it is text (a str body is HTML to Flask; a dict or list is
        JSON): `return "<p>" + term`, `return html, 200, headers` with html built as text."""
        body = returned
        if returned.type in ("expression_list", "tuple") and returned.named_children:
            body = returned.named_children[0]
            value = self.eval(body)
        if _textual(body) or (body.type == "identifier" and text(body) in self.textual):
            self.returned_to(body, value, self._decorator_keywords())

    def _decorator_keywords(self) -> dict[str, str]:
        decorated = self.unit.node.parent
        found: dict[str, str] = {}
        for decorator in decorated.children if decorated is not None and decorated.type == "decorated_definition" else ():
            call = next((c for c in decorator.named_children if c.type == "call"), None)
            arguments = call.child_by_field_name("arguments") if call is not None else None
            for argument in arguments.named_children if arguments is not None else ():
                if argument.type == "keyword_argument":
                    found[text(argument.child_by_field_name("name"))] = text(argument.child_by_field_name("value"))
        return found

    def _comprehension(self, node: Node) -> Value:
        """What a comprehension holds is its element, each loop variable bound to what its
        iterable holds: `[int(i) for i in ids]` is numbers, `",".join("?" for _ in ids)` constant."""
        saved = self.env
        self.env = dict(saved)
        try:
            for clause in node.named_children:
                if clause.type == "for_in_clause":
                    iterable = self.eval(clause.child_by_field_name("right"))
                    left = clause.child_by_field_name("left")
                    if left is not None:
                        self.bind(left, Value(NOT_CONST, iterable.taints), left)
                elif clause.type == "if_clause":
                    for child in clause.named_children:
                        self.eval(child)
            body = node.child_by_field_name("body")
            if body is not None and body.type == "pair":
                items = [self.eval(body.child_by_field_name("key")), self.eval(body.child_by_field_name("value"))]
            else:
                items = [self.eval(body)]
        finally:
            self.env = saved
        const = SOME_CONST if all(i.constant for i in items) else NOT_CONST
        return Value(const, merge_taints(*(i.taints for i in items)))

    def _assignment(self, node: Node) -> Value:
        right_node = node.child_by_field_name("right")
        value = self.eval(right_node) if right_node is not None else UNKNOWN
        left = node.child_by_field_name("left")
        if left is not None and right_node is not None:
            self.bind(left, value, node, right_node)
            if left.type == "identifier":
                self._note_parsed(text(left), right_node)
                if _textual(right_node) or (right_node.type == "identifier" and text(right_node) in self.textual):
                    self.textual.add(text(left))
                else:
                    self.textual.discard(text(left))
        return value

    def _note_parsed(self, name: str, right: Node) -> None:
        """`parsed = urlparse(url)`, `host = urlsplit(url).hostname`: what `name` was parsed from."""
        self.parsed_from.pop(name, None)
        key = _parsed_from(right)
        if key is not None:
            self.parsed_from[name] = key

    def _binary(self, op: str, left: Value, right: Value) -> Value:
        taints = merge_taints(left.taints, right.taints)
        if left.constant and right.constant:
            fold = _FOLD.get(op)
            if fold is not None and left.const is not SOME_CONST and right.const is not SOME_CONST:
                try:
                    result = fold(left.const, right.const)
                except Exception:  # noqa: BLE001 - a fold that would fail at run time is just not folded
                    return Value(SOME_CONST, taints)
                if not isinstance(result, str) or len(result) < 10_000:
                    return Value(result, taints)
            return Value(SOME_CONST, taints)
        return Value(NOT_CONST, taints)

    def _string(self, node: Node) -> Value:
        parts = [self.eval(c.named_children[0]) for c in node.named_children
                 if c.type == "interpolation" and c.named_children]
        if not parts:
            body = "".join(text(c) for c in node.named_children if c.type == "string_content")
            start = node.named_children[0] if node.named_children else None
            if "\\" in body and start is not None and "r" not in text(start).lower():
                body = _ESCAPES.sub(lambda m: _ESCAPED.get(m.group(1), m.group(0)), body)
            return Value(body)
        return Value(SOME_CONST if all(p.constant for p in parts) else NOT_CONST, merge_taints(*(p.taints for p in parts)))

    def _concat(self, parts: list[Value]) -> Value:
        if all(isinstance(p.const, str) for p in parts):
            return Value("".join(p.const for p in parts))
        const = SOME_CONST if all(p.constant for p in parts) else NOT_CONST
        return Value(const, merge_taints(*(p.taints for p in parts)))

    def _conditional(self, node: Node) -> Value:
        children = node.named_children
        if len(children) != 3:
            return union([self.eval(c) for c in children])
        yes, condition, no = children
        folded = _truth(self.eval(condition))
        when_true, when_false = self.refinements(condition)
        if folded is True:
            self.skipped(no)
            return self.eval(yes)
        if folded is False:
            self.skipped(yes)
            return self.eval(no)
        saved = self.env
        self.env = dict(saved)
        self.clean(when_true)
        first = self.eval(yes)
        self.env = dict(saved)
        self.clean(when_false)
        second = self.eval(no)
        self.env = saved
        return join(first, second)

    def _dictionary(self, node: Node) -> Value:
        entries: dict[Any, Any] = {}
        values: list[Value] = []
        constant = True
        for pair in node.named_children:
            if pair.type != "pair":
                values.append(self.eval(pair))
                constant = False
                continue
            key = self.eval(pair.child_by_field_name("key"))
            value = self.eval(pair.child_by_field_name("value"))
            values.append(value)
            if _hashable(key.const) and value.constant and value.const is not SOME_CONST:
                entries[key.const] = value.const
            else:
                constant = constant and key.constant and value.constant
                entries = {}
        if constant and len(entries) == len(values):
            return Value(_FrozenDict(entries))
        const = SOME_CONST if constant and all(v.constant for v in values) else NOT_CONST
        return Value(const, merge_taints(*(v.taints for v in values)))

    def _subscript(self, node: Node) -> Value:
        container_node = node.child_by_field_name("value")
        container = self.eval(container_node)
        indexes = node.children_by_field_name("subscript")
        index = self.eval(indexes[0]) if len(indexes) == 1 else union([self.eval(i) for i in indexes])
        key = key_of(container_node) if container_node is not None else None
        length = self.env.get(f"{key}[#len]") if key is not None else None
        if length is not None and type(length.const) is int and type(index.const) is int and index.const < 0:
            index = Value(index.const + length.const)  # lst[-1]: the last element tracked
        if key is not None and _hashable(index.const):
            stored = self.read(f"{key}[{index.const!r}]")
            if stored is not None:
                return stored
        const = container.const
        if isinstance(const, (tuple, str, _FrozenDict)) and _hashable(index.const) and index.const is not SOME_CONST:
            try:
                return Value(const[index.const])
            except (KeyError, IndexError, TypeError):
                return Value(SOME_CONST)
        if container.constant and not container.taints:
            # One of a constant container's own items, whichever the index picks (or an error):
            # COLUMNS[request.args["sort"]] is a column name of the code's, not the request's.
            return Value(SOME_CONST)
        return Value(NOT_CONST, merge_taints(container.taints, index.taints))

    def _attribute(self, node: Node) -> Value:
        key = key_of(node)
        if key is not None:
            found = self.read(key)
            if found is not None:
                return found
        source = self.read_source(node, _root(node), _last(node))
        if source is not None:
            return source
        base = self.eval(node.child_by_field_name("object"))
        return Value(NOT_CONST, base.taints)  # a field of a tainted object is tainted

    def _call(self, node: Node) -> Value:
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        receiver: Value | None = None
        receiver_key: str | None = None
        local: Unit | None = None
        method = ""
        if function is not None and function.type == "attribute":
            base = function.child_by_field_name("object")
            method = text(function.child_by_field_name("attribute"))
            receiver_key = key_of(base) if base is not None else None
            name = self.call_name(node, method)
            source = self.source_value(function, name)
            receiver = source if source is not None else self.eval(base)
            # A method of the current class, or of a class of this file on a new instance (Directory().lookup(value))
            local = _method_callee(base, method, self.file, self.unit.class_name)
        else:
            method = text(function) if function is not None and function.type == "identifier" else ""
            # A bare name is resolved once per function (an alias of an import may be a sink).
            name = self.root_name(function) if method and function is not None else self.call_name(node, method)
            if function is not None and function.type == "identifier":
                if self.read(method) is None:
                    local = self.file.lookup(method, None)
            elif function is not None:
                receiver = self.eval(function)
        args: list[tuple[Value, Node]] = []
        kwargs: dict[str, tuple[Value, Node]] = {}
        written = _arguments(arguments)
        positional = [a for a in written if a.type not in ("keyword_argument", "comment")]
        # Read before the arguments are: a vector handed to a call is no longer tracked after.
        deciding = self._deciding(positional[0]) if name in _ARGV_STARTS and positional else None
        for arg in written:
            if arg.type == "keyword_argument":
                value_node = arg.child_by_field_name("value") or arg
                kwargs[text(arg.child_by_field_name("name"))] = (self.eval(value_node), value_node)
            elif arg.type != "comment":
                args.append((self.eval(arg), arg))
        folded = self._fold_method(receiver, method, args, kwargs)
        if folded is not None:
            return folded
        if name in _ARGV_STARTS and args and ("shell" not in kwargs or text(kwargs["shell"][1]) == "False"):
            # A vector of unknown shape (shlex.split(...) + [name]) says nothing either way.
            args = [(deciding or UNKNOWN, args[0][1]), *args[1:]]
        if method == "make_response" and len(args) == 1 and args[0][1].type == "tuple" and args[0][1].named_children \
                and name == "flask.make_response":
            # make_response((body, status, headers)): as a view's return, only the body is the page
            body = args[0][1].named_children[0]
            args = [(self.eval(body), body)]
        if args and all(v.constant and not v.taints for v, _ in (*args, *kwargs.values())) \
                and self._pure(node, function, name):
            return Value(SOME_CONST)
        if method == "compile" and args and isinstance(args[0][0].const, str) and not args[0][0].taints \
                and (name or self.file.qualify(node)) == "re.compile":
            # A compiled pattern keeps its text: what a rule on `pattern.match(text)` asks of it.
            return Value(args[0][0].const)
        if receiver_key is not None and function is not None and function.type == "attribute":
            stored = self._keyed(receiver_key, method, args, node)
            if stored is not None:
                self.call(node, name, receiver, receiver_key, args, kwargs, local, method)
                return stored
        if method in ("get", "getlist") and "type" in kwargs and self._converts(kwargs["type"][1]):
            return Value(SOME_CONST)  # Werkzeug's args.get("id", type=int): a number, or the default
        return self.call(node, name, receiver, receiver_key, args, kwargs, local, method)

    def _converts(self, node: Node) -> bool:
        """Whether a function given as a value (`type=int`) makes what it converts safe for every
        sink class (a number conversion)."""
        return any(ALL_CLASSES in s.classes for s in self.spec.sanitizers_for(self.file.qualify(node)))

    def _pure(self, node: Node, function: Node | None, name: str | None) -> bool:
        """Whether a call computes its result from its arguments alone (see _PURE_MODULES)."""
        if function is None or function.type not in ("identifier", "attribute"):
            return False
        if function.type == "identifier" and self.read(text(function)) is not None:
            return False  # a local name that shadows the builtin
        if function.type == "attribute":
            # A module's function (base64.b64decode), not a method of a value that may be anything
            base = function.child_by_field_name("object")
            root = _root(base) if base is not None else None
            if root is None or self.read(text(root)) is not None:
                return False
            if name is None:
                # The root's qualified name is resolved once per function: most calls with constant
                # arguments (logger.info("..."), _("text")) are no module's pure function.
                module = self.root_name(root)
                if module is None or not any((module + ".").startswith(m) or m.startswith(module + ".")
                                             for m in _PURE_MODULES):
                    return False
                name = module + "".join(text(function).split())[len(text(root)):]
        qualified = name or self.file.qualify(node)
        return qualified is not None and (qualified in _PURE_BUILTINS or qualified.startswith(_PURE_MODULES))

    def _deciding(self, node: Node) -> Value | None:
        """What decides the program an argument vector runs: its first element, and what follows a
        shell's `-c`. None for a vector whose elements are not known: it is judged whole."""
        key = key_of(node)
        length = self.env.get(f"{key}[#len]") if key is not None else None
        if length is not None and type(length.const) is int:
            elements = [self.env.get(f"{key}[{i!r}]", UNKNOWN) for i in range(length.const)]
        elif node.type in ("list", "tuple") and all(_plain(c) for c in node.named_children):
            elements = [self.eval(c) for c in node.named_children]
        else:
            return None
        if not elements:
            return Value(SOME_CONST)
        program = elements[0].const
        known = isinstance(program, str) and not elements[0].taints
        shell = not known or program.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower() in SHELLS
        flag = next((i for i, e in enumerate(elements) if e.const in _SCRIPT_FLAGS), None) if shell else None
        deciding = elements[:1] + (elements[flag + 1:] if flag is not None else [])
        if all(d.constant for d in deciding) and not any(d.taints for d in deciding):
            return Value(SOME_CONST)
        return union(deciding)

    # ------------------------------------------------------------------ containers entry by entry
    def forget(self, key: str) -> None:
        """Drop what is known of a container's entries: it was reassigned, or handed on."""
        prefix = key + "["
        for entry in [k for k in self.env if k.startswith(prefix)]:
            del self.env[entry]
        self.indexed.discard(key)

    def _track_list(self, key: str, literal: Node) -> None:
        """`lst = []`, `lst = [a, "b"]`: each element, and the length, so that appends, pops and
        constant indices give back the very element (`lst[1]` after `lst.pop(0)`)."""
        items = literal.named_children
        if any(i.type not in ("float", "true", "false", "none") and not _plain(i) for i in items):
            return  # splats and calls: not re-read here
        for at, item in enumerate(items):
            self.env[f"{key}[{at!r}]"] = self.eval(item)
        self.env[f"{key}[#len]"] = Value(len(items))
        self.indexed.add(key)

    def _keyed(self, key: str, method: str, args: list[tuple[Value, Node]], node: Node) -> Value | None:
        """Entry-precise container methods: a tracked list's append/insert/pop, and a keyed store's
        `set(k..., v)` / `get(k...)` with constant keys (`cache.set("k", v)`, ConfigParser's
        `set(section, option, v)`). None: not such a call, the ordinary rules apply."""
        if key in self.indexed and f"{key}[#len]" in self.env:
            return self._list_method(key, method, args, node)
        if method == "set" and len(args) >= 2 and all(_hashable(v.const) for v, _ in args[:-1]):
            keys = tuple(v.const for v, _ in args[:-1])
            value, at = args[-1]
            self.assign(f"{key}[{keys[0] if len(keys) == 1 else keys!r}]", value, at)
            self.indexed.add(key)
            if value.taints:
                self.add_to(key, value, at)  # what a read with another key may find
            return Value(None)
        if method == "get" and args and key in self.indexed:
            consts = [v.const for v, _ in args]
            if len(args) >= 2 and all(_hashable(c) for c in consts):
                stored = self.read(f"{key}[{tuple(consts)!r}]")
                if stored is not None:
                    return stored
            if _hashable(consts[0]):
                stored = self.read(f"{key}[{consts[0]!r}]")
                if stored is not None:
                    return join(stored, args[1][0]) if len(args) == 2 else stored
        return None

    def _list_method(self, key: str, method: str, args: list[tuple[Value, Node]], node: Node) -> Value | None:
        length = self.env[f"{key}[#len]"].const
        if type(length) is not int:
            self.forget(key)
            return None
        items = [self.env.get(f"{key}[{i!r}]", UNKNOWN) for i in range(length)]
        result: Value | None = None
        if method == "append" and len(args) == 1:
            items.append(args[0][0])
            result = Value(None)
        elif method == "insert" and len(args) == 2 and type(args[0][0].const) is int:
            items.insert(args[0][0].const, args[1][0])
            result = Value(None)
        elif method == "pop" and len(args) <= 1 and (not args or type(args[0][0].const) is int) and items:
            at = args[0][0].const if args else -1
            if -len(items) <= at < len(items):
                result = items.pop(at)
        elif method in _READERS:
            return None
        if result is None:
            self.forget(key)
            return None
        self.forget(key)
        for at, item in enumerate(items):
            self.env[f"{key}[{at!r}]"] = item
        self.env[f"{key}[#len]"] = Value(len(items))
        self.indexed.add(key)
        whole = self.read(key) or UNKNOWN
        if method in ("append", "insert") and args[-1][0].taints:
            self.add_to(key, args[-1][0], args[-1][1])
        elif method == "pop" and not any(i.taints for i in items):
            self.env[key] = Value(SOME_CONST if all(i.constant for i in items) else whole.const)
        return result

    def _fold_method(self, receiver: Value | None, method: str, args: list[tuple[Value, Node]],
                     kwargs: dict[str, tuple[Value, Node]]) -> Value | None:
        """Constant string methods (`"...".format(1)`, `",".join(["a"])`) stay constants, and a
        lookup in a constant dict (`TABLES.get(name)`) is one of its values or the default."""
        if receiver is not None and isinstance(receiver.const, dict) and method == "get" and not receiver.taints:
            default = args[1][0] if len(args) > 1 else Value(None)
            return Value(SOME_CONST if default.constant else NOT_CONST, default.taints)
        if receiver is None or receiver.taints or not (isinstance(receiver.const, (str, bytes))
                                                      or receiver.const is SOME_CONST):
            return None
        values = [v for v, _ in args] + [v for v, _ in kwargs.values()]
        if method in _STR_METHODS and all(v.constant and not v.taints for v in values):
            return Value(SOME_CONST)
        return None


def _known(value: Value) -> bool:
    """A value the analysis knows exactly, and that no request data chose."""
    return not value.taints and _hashable(value.const)


def _compare(node: Node, operands: list[Value]) -> bool | None:
    """A comparison (or `not`) of known values, folded: `7 * 18 + num > 200` with num = 106."""
    if not all(_known(v) for v in operands):
        return None
    if node.type == "not_operator":
        return not operands[0].const if len(operands) == 1 else None
    operators = [" ".join(text(c).split()) for c in node.children if not c.is_named]
    if len(operators) != len(operands) - 1:
        return None
    try:
        for op, left, right in zip(operators, operands, operands[1:]):
            if op in ("is", "is not") and not any(v.const is None or isinstance(v.const, bool) for v in (left, right)):
                return None  # identity of equal strings or numbers is an implementation detail
            if not _COMPARE[op](left.const, right.const):
                return False
        return True
    except (KeyError, TypeError):
        return None


def _plain(node: Node) -> bool:
    """An expression read twice at no cost: no call in it (`"echo " + name`, `args[1]`)."""
    if node.type in ("string", "identifier", "attribute", "integer", "concatenated_string"):
        return True
    return node.type in ("binary_operator", "subscript", "parenthesized_expression") and b"(" not in (node.text or b"")


def _element_use(node: Node) -> bool:
    """Whether an identifier is read as a container whose entries are tracked: `x[i]`, `x.m(...)`."""
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "subscript":
        return parent.child_by_field_name("value") == node
    if parent.type == "attribute" and parent.child_by_field_name("object") == node:
        grand = parent.parent
        return grand is not None and grand.type == "call" and grand.child_by_field_name("function") == parent
    return False


def _truth(value: Value) -> bool | None:
    if value.const is NOT_CONST or value.const is SOME_CONST or value.taints:
        return None
    try:
        return bool(value.const)
    except Exception:  # noqa: BLE001
        return None


def _hashable(value: Any) -> bool:
    return value is not NOT_CONST and value is not SOME_CONST and isinstance(value, (str, int, float, bool, type(None), tuple))


class _FrozenDict(dict):  # type: ignore[type-arg]
    """A constant dict literal; hashable by identity so it can sit in a Value."""

    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)


def make(file: Any, unit: Unit) -> PythonInterpreter:
    return PythonInterpreter(file, unit)


def _by_logic(
    condition: Node | None, leaf: Callable[[Node], tuple[list[str], list[str]]]
) -> tuple[list[str], list[str]]:
    """What `leaf` proves of a condition's parts (names, when true, when false), through
    parentheses, `not` (the cases swap), `a and b` (true: both hold) and `a or b` (false: neither)."""
    if condition is None:
        return [], []
    if condition.type == "parenthesized_expression" and condition.named_children:
        return _by_logic(condition.named_children[0], leaf)
    if condition.type == "not_operator":
        true, false = _by_logic(condition.child_by_field_name("argument"), leaf)
        return false, true
    if condition.type == "boolean_operator":
        left = _by_logic(condition.child_by_field_name("left"), leaf)
        right = _by_logic(condition.child_by_field_name("right"), leaf)
        if text(condition.child_by_field_name("operator")) == "and":
            return left[0] + right[0], []
        return [], left[1] + right[1]
    return leaf(condition)
