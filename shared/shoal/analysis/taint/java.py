"""Java adapter of the taint interpreter: statements and expressions of tree-sitter-java."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, cast

from tree_sitter import Node

from shoal.analysis.taint import javacommand as command
from shoal.analysis.taint.core import (
    NOT_CONST,
    SOME_CONST,
    UNKNOWN,
    Interpreter,
    Param,
    Spec,
    Unit,
    Value,
    extend,
    join,
    join_envs,
    merge_taints,
    text,
    union,
)

LANGUAGE = "java"
FUNCTIONS = frozenset({"method_declaration", "constructor_declaration"})
# A call out of the file is followed even with no tainted argument: a helper class of the
# repository may read the request itself (`new RequestWrapper(request).param("id")`).
FOLLOW_CLEAN_CALLS = True
# A method taking a source's receiver (`HttpServletRequest req`) may start a flow when another file
# calls it (Unit.receives): its file is worth analysing for that alone.
RECEIVES = True
_CLASSES = frozenset({"class_declaration", "enum_declaration", "record_declaration", "interface_declaration"})
_SKIP = frozenset({"line_comment", "block_comment", "local_class_declaration", "class_declaration",
                   "empty_statement", "assert_statement", "yield_statement"})
_STOPS = frozenset({"return_statement", "throw_statement"})
_JUMPS = frozenset({"break_statement", "continue_statement"})


def _literal_list(node: Node) -> bool:
    """`List.of("name", "age")`, `Set.of(...)`, `Arrays.asList(...)` of literals only: an allow-list
    written where it is checked."""
    if node.type != "method_invocation" or text(node.child_by_field_name("name")) not in command.LIST_FACTORIES:
        return False
    arguments = node.child_by_field_name("arguments")
    items = arguments.named_children if arguments is not None else []
    return bool(items) and all(item.type in ("string_literal", "decimal_integer_literal", "character_literal")
                               for item in items)


def _int_div(a: int, b: int) -> int | None:
    """Java's integer division and remainder truncate toward zero; by zero they throw (no value)."""
    return None if b == 0 else abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)


def _int_rem(a: int, b: int) -> int | None:
    quotient = _int_div(a, b)
    return None if quotient is None else a - b * quotient


_FOLD: dict[str, Callable[[Any, Any], Any]] = {"+": operator.add, "-": operator.sub, "*": operator.mul,
                                               "/": _int_div, "%": _int_rem}
_BOOLEAN = frozenset({"==", "!=", "<", ">", "<=", ">=", "&&", "||", "instanceof"})
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {"==": operator.eq, "!=": operator.ne, "<": operator.lt,
                                                  ">": operator.gt, "<=": operator.le, ">=": operator.ge}
_CONTAINERS = frozenset({"of", "asList", "singletonList", "singleton", "copyOf"})
# What the adapter calls the body of an HTML response: a Spring handler's return value or
# ResponseEntity body when it produces text/html (rules name it as a sink).
HTML_RESPONSE = "org.springframework.web.HtmlResponse"
# ...and for a model attribute its class keeps in the session (@SessionAttributes("name")).
SESSION_MODEL = "org.springframework.web.SessionModel.addAttribute"
# ...and for where a response sends the browser: "redirect:" + url in a Spring handler, a Location header.
REDIRECT_TO = "org.springframework.web.RedirectTo"
_CONTENT_TYPE = "<content-type>"  # environment key: the servlet response's declared content type
_HTML_MARKS = ("text/html", "TEXT_HTML", "APPLICATION_XHTML")
_TEXT_TYPES = frozenset({"String", "java.lang.String", "CharSequence", "java.lang.CharSequence"})
# Methods whose result is a number or a boolean, whatever their receiver holds.
_SCALAR_RESULTS = frozenset({"length", "size", "indexOf", "lastIndexOf", "hashCode", "compareTo",
                             "compareToIgnoreCase", "isEmpty", "isBlank", "equals", "equalsIgnoreCase",
                             "contains", "containsKey", "startsWith", "endsWith", "matches", "count"})
_NUMBER = "<primitive>"  # the type name a parameter of a primitive type is given
# Parameter types a framework converts a request's text to (or refuses it), as written or qualified
_CONVERTED = {"java.lang": ("Long", "Integer", "Short", "Byte", "Double", "Float", "Boolean"),
              "java.math": ("BigInteger", "BigDecimal"), "java.util": ("UUID",)}
_BOXED = frozenset(n for package, names in _CONVERTED.items() for name in names for n in (name, f"{package}.{name}"))
_MAPS = frozenset({"HashMap", "LinkedHashMap", "TreeMap", "ConcurrentHashMap", "EnumMap"})
_CHECKS = frozenset({"contains", "containsKey", "equals", "equalsIgnoreCase", "matches", "isValid", "startsWith"})


def units(root: Node, functions: list[Node], qualify: Callable[[Node], str | None], spec: Spec) -> list[Unit]:
    """The classes' constant fields first (the methods' globals), then every method."""
    found = [Unit(root, "<module>", root, [])]
    marks = spec.parameter_lasts
    receivers = spec.source_root_lasts
    for node in functions:
        name = text(node.child_by_field_name("name"))
        owner = _class_of(node)
        params = _params(node, qualify, marks)
        found.append(Unit(node, f"{owner}.{name}" if owner else name, node.child_by_field_name("body"),
                          params, owner, (), _receives(node, receivers)))
    return found


def _receives(function: Node, receivers: frozenset[str]) -> bool:
    """Whether a parameter is declared of a type sources are read from (`HttpServletRequest req`)."""
    node = function.child_by_field_name("parameters")
    for child in node.named_children if node is not None else ():
        kind = child.child_by_field_name("type")
        if kind is not None and _base_type(kind) in receivers:
            return True
    return False


def _annotations(node: Node) -> list[Node]:
    modifiers = next((c for c in node.children if c.type == "modifiers"), None)
    return [c for c in modifiers.named_children if c.type in ("annotation", "marker_annotation")] if modifiers else []


def _annotation_names(node: Node) -> set[str]:
    return {text(a.child_by_field_name("name")).rsplit(".", 1)[-1] for a in _annotations(node)}


def _owner_class(node: Node) -> Node | None:
    owner = node.parent
    while owner is not None and owner.type not in _CLASSES:
        owner = owner.parent
    return owner


def _session_attributes(node: Node) -> frozenset[str]:
    """The model attributes a Spring controller keeps in the session: @SessionAttributes("a")."""
    owner = _owner_class(node)
    found: set[str] = set()
    for annotation in _annotations(owner) if owner is not None else ():
        if text(annotation.child_by_field_name("name")).rsplit(".", 1)[-1] == "SessionAttributes":
            for literal in _strings(annotation):
                found.add(literal)
    return frozenset(found)


def _strings(node: Node) -> list[str]:
    if node.type == "string_literal":
        return ["".join(text(c) for c in node.named_children if c.type == "string_fragment")]
    return [s for c in node.named_children for s in _strings(c)]


def _html_handler(node: Node) -> bool:
    """A Spring handler whose return value is the response body (@ResponseBody, or in a
    @RestController) and may be HTML: declared text/html (`produces = "text/html"`), or a String
    with no `produces`, whose type Spring takes from the Accept header (a browser's asks for HTML)."""
    if node.type != "method_declaration":
        return False
    mappings = [a for a in _annotations(node) if text(a.child_by_field_name("name")).endswith("Mapping")]
    declared = [a for a in mappings if "produces" in text(a)]
    if declared and not any(m in text(a) for a in declared for m in _HTML_MARKS):
        return False
    returned = node.child_by_field_name("type")
    if not mappings or (not declared and (returned is None or text(returned) not in _TEXT_TYPES)):
        return False
    if "ResponseBody" in _annotation_names(node):
        return True
    owner = _owner_class(node)
    return owner is not None and "RestController" in _annotation_names(owner)


def _class_of(node: Node) -> str | None:
    current = node.parent
    while current is not None:
        if current.type in _CLASSES:
            return text(current.child_by_field_name("name"))
        current = current.parent
    return None


def _params(function: Node, qualify: Callable[[Node], str | None], marks: frozenset[str] | None) -> list[Param]:
    node = function.child_by_field_name("parameters")
    params: list[Param] = []
    for child in node.named_children if node is not None else ():
        if child.type not in ("formal_parameter", "spread_parameter"):
            continue
        name = child.child_by_field_name("name")
        if name is None:
            declarator = next((c for c in child.named_children if c.type == "variable_declarator"), None)
            name = declarator.child_by_field_name("name") if declarator is not None else None
        if name is None:
            continue
        names: list[str] = []
        kind = child.child_by_field_name("type")
        if kind is not None and (kind.type in ("integral_type", "floating_point_type", "boolean_type")
                                 or (kind.type in ("type_identifier", "scoped_type_identifier")
                                     and (qualify(kind) or text(kind)) in _BOXED)):
            # A number (a framework converts `@PathVariable Long id` before the call) or a UUID
            # cannot carry an injection.
            params.append(Param(text(name), name, (_NUMBER,)))
            continue
        if kind is not None and (marks is None or _base_type(kind) in marks):
            names.append(qualify(kind) or text(kind))
        for modifiers in (c for c in child.children if c.type == "modifiers"):
            for annotation in modifiers.named_children:
                label = annotation.child_by_field_name("name")
                if label is not None and (marks is None or text(label).rsplit(".", 1)[-1] in marks):
                    names.append(qualify(label) or text(label))
        params.append(Param(text(name), name, tuple(names)))
    return params


def _base_type(kind: Node) -> str:
    return text(kind).split("<", 1)[0].rsplit(".", 1)[-1].strip()


def key_of(node: Node) -> str | None:
    """The variable a target names: `x`, `this.field`; None for anything else."""
    if node.type == "identifier":
        return text(node)
    if node.type == "field_access":
        base = node.child_by_field_name("object")
        field = text(node.child_by_field_name("field"))
        if base is not None and base.type == "this":
            return f"this.{field}"
        inner = key_of(base) if base is not None else None
        return None if inner is None else f"{inner}.{field}"
    return None


_PREFIX = "\x00prefix"  # a refinement's key suffix: the value was checked by startsWith
_NORMALISED = "path-normalised"  # a pseudo sink class: `..` resolved (normalize(), getCanonicalFile())
_NORMALISERS = frozenset({"normalize", "getCanonicalFile", "getCanonicalPath", "toRealPath"})
# No-argument methods whose result checked says something about their receiver (its host, path...).
_VIEWS = frozenset({"getHost", "getAuthority", "getRawAuthority", "getPath", "getRawPath", "toPath", "toFile",
                    "getCanonicalPath", "getCanonicalFile", "normalize", "toString", "trim", "strip",
                    "toLowerCase", "toUpperCase", "toRealPath", "toAbsolutePath"})


def _subject(node: Node) -> str | None:
    """What a check is about: a variable, or the variable a view of it (`url.getHost()`) comes from."""
    key = key_of(node)
    if key is not None or node.type != "method_invocation":
        return key
    arguments = node.child_by_field_name("arguments")
    receiver = node.child_by_field_name("object")
    if receiver is None or (arguments is not None and arguments.named_children) \
            or text(node.child_by_field_name("name")) not in _VIEWS:
        return None
    return _subject(receiver)


def _local_path(prefix: str) -> bool:
    """`/home?tab=`: a target that stays on this site whatever follows."""
    return len(prefix) > 1 and prefix.startswith("/") and prefix[1] not in "/\\"


def _static(receiver: Node, read: Callable[[str], Value | None]) -> bool:
    """`Paths.get(x)`, `java.nio.file.Paths.get(x)`: a class, not an object (nor a lookup in one)."""
    if receiver.type == "scoped_identifier" or (receiver.type == "field_access" and text(receiver)[:1].islower()
                                                 and text(receiver.child_by_field_name("field"))[:1].isupper()):
        return True
    return receiver.type == "identifier" and text(receiver)[:1].isupper() and read(text(receiver)) is None \
        and not text(receiver).isupper()


def _root(node: Node) -> Node | None:
    while node.type in ("field_access", "method_invocation"):
        inner = node.child_by_field_name("object")
        if inner is None:
            return None
        node = inner
    return node if node.type == "identifier" else None


class JavaInterpreter(Interpreter):
    receiver_names = frozenset({"this"})

    def __init__(self, file: Any, unit: Unit) -> None:
        super().__init__(file, unit)
        self.vectors: dict[int, list[command.Element]] = {}  # node id -> the elements of the array or list it built
        self.html_handler = _html_handler(unit.node)
        self.session_names = _session_attributes(unit.node)
        self.spring_handler = any(text(a.child_by_field_name("name")).endswith("Mapping") for a in _annotations(unit.node))
        self.jumps: list[tuple[str, list[dict[str, Value]]]] = []  # the loops and switches a break may leave
        self.loop_writes: dict[int, set[str]] = {}  # loop node id -> the variables it assigns (walked once)

    def param_value(self, index: int, param: Param) -> Value:
        if param.names == (_NUMBER,):
            return Value(SOME_CONST)  # a number, boolean or char: a known kind of value, never an injection
        return super().param_value(index, param)

    # ------------------------------------------------------------------ argument vectors
    def vector(self, node: Node | None) -> list[command.Element] | None:
        """The elements of the array or list an expression gives, when each is known."""
        while node is not None and node.type in ("parenthesized_expression", "cast_expression"):
            node = node.child_by_field_name("value") or (node.named_children[-1] if node.named_children else None)
        if node is None:
            return None
        key = key_of(node)
        if key is not None:
            return command.stored(self.read, key)
        return self.vectors.get(node.id)

    def bind_vector(self, key: str, value_node: Node | None) -> None:
        """After `key = value_node`: key holds that vector now, or none."""
        elements = self.vector(value_node)
        if elements is None:
            self.env.pop(command.length_key(key), None)
            return
        self.env[command.length_key(key)] = Value(len(elements))
        for index, item in enumerate(elements):
            command.store(self.env, key, index, item)

    def vector_write(self, key: str, index: Value, value: Value, node: Node | None) -> None:
        """`key[i] = value`: one element replaced, or the vector unknown from now on."""
        elements = command.stored(self.read, key)
        if elements is None:
            return
        if isinstance(index.const, int) and 0 <= index.const < len(elements) and not index.taints:
            command.store(self.env, key, index.const, command.element(value, node))
        else:
            self.env.pop(command.length_key(key), None)

    def vector_call(self, key: str, method: str, args: list[tuple[Value, Node]]) -> None:
        """`list.add(x)` appends to a known vector, `list.remove(0)` drops an element by its
        constant index; any other change makes it unknown."""
        elements = command.stored(self.read, key)
        if elements is None or method not in command.MUTATORS:
            return
        if method == "remove" and len(args) == 1 and _integer(args[0][0].const) and not args[0][0].taints \
                and 0 <= args[0][0].const < len(elements) and args[0][1].type != "identifier":
            # remove(int) by a literal index; remove(Object) would take an element out by equality
            del elements[args[0][0].const]
            for index, item in enumerate(elements):
                command.store(self.env, key, index, item)
            self.env[command.length_key(key)] = Value(len(elements))
        elif method == "add" and len(args) == 1:
            command.store(self.env, key, len(elements), command.element(*args[0]))
            self.env[command.length_key(key)] = Value(len(elements) + 1)
        else:
            self.env.pop(command.length_key(key), None)

    def element_read(self, key: str, receiver: Value | None, method: str,
                     args: list[tuple[Value, Node]]) -> Value | None:
        """`list.get(1)` of a list whose elements are known, `map.get("k")` of a map whose writes
        all had constant keys: that element's value (None when not known)."""
        if method not in ("get", "getOrDefault") or not args or args[0][0].taints:
            return None
        index = args[0][0].const
        if method == "get" and _integer(index):
            elements = command.stored(self.read, key)
            if elements is not None and 0 <= index < len(elements):
                return cast(Value, elements[index][0])
            return None
        entries = self.read(key + _ENTRIES)
        if not isinstance(entries, Value) or not isinstance(entries.const, dict) or not _map_key(index):
            return None
        if index in entries.const:
            return cast(Value, entries.const[index])
        return args[1][0] if len(args) > 1 else Value(None)

    def map_write(self, key: str, receiver: Value | None, method: str, args: list[tuple[Value, Node]]) -> None:
        """`map.put("k", v)` on a map whose entries are known (filled only with constant keys since
        it was created) records v under "k"; any other change forgets the entries."""
        entries_key = key + _ENTRIES
        if method == "put" and len(args) == 2 and not args[0][0].taints and _map_key(args[0][0].const):
            found = self.read(entries_key)
            if found is not None and isinstance(found.const, dict):
                entries: dict[Any, Value] | None = dict(found.const)
            elif receiver is not None and isinstance(receiver.const, dict) and not receiver.taints:
                entries = {k: Value(v) for k, v in receiver.const.items()}
            else:
                entries = None
            if entries is not None:
                entries[args[0][0].const] = args[1][0]
                self.env[entries_key] = Value(_FrozenDict(entries))
                return
        if method in _MAP_CHANGES:
            self.env.pop(entries_key, None)

    def command_args(self, name: str | None, args: list[tuple[Value, Node]], whole_vector: bool) -> list[tuple[Value, Node]]:
        """A command sink's arguments as the part of its argument vector that decides what runs.
        `whole_vector`: every argument is an element (ProcessBuilder's varargs), unless there is
        one holding an array or list; otherwise the first argument is the array (Runtime.exec)."""
        if not args or not any(s.sink_class == "command" for _, s in self.spec.sinks_for(name)):
            return args
        first, node = args[0]
        elements = self.vector(node)
        if whole_vector and (len(args) > 1 or (elements is None and isinstance(first.const, str))):
            elements = [command.element(v, n) for v, n in args]
        if elements is None:
            return args
        return [(command.deciding(elements), node), *([] if whole_vector else args[1:])]

    # ------------------------------------------------------------------ statements
    def exec(self, node: Node) -> bool:  # noqa: C901 - one dispatch over the grammar's statements
        self.tick()
        kind = node.type
        if kind in ("block", "constructor_body", "switch_block_statement_group"):
            self.enter()
            try:
                for child in node.named_children:
                    if not self.exec(child):
                        return False
                return True
            finally:
                self.leave()
        if kind in ("program", "class_body", "enum_body", "interface_body"):
            for child in node.named_children:  # the module unit: constant fields only
                if child.type in _CLASSES:
                    body = child.child_by_field_name("body")
                    if body is not None:
                        self.exec(body)
                elif child.type in ("field_declaration", "constant_declaration"):
                    self.exec(child)
            return True
        if kind in _SKIP or kind in FUNCTIONS:
            return True
        if kind in ("local_variable_declaration", "field_declaration", "constant_declaration"):
            for declarator in node.named_children:
                if declarator.type == "variable_declarator":
                    value_node = declarator.child_by_field_name("value")
                    name = declarator.child_by_field_name("name")
                    if name is not None and value_node is not None:
                        self.assign(text(name), self.eval(value_node), declarator)
                        self.bind_vector(text(name), value_node)
            return True
        if kind == "expression_statement":
            for child in node.named_children:
                self.eval(child)
            return True
        if kind == "return_statement":
            values = [self.eval(c) for c in node.named_children]
            if self.html_handler and values:
                self.call(node, HTML_RESPONSE, None, None, [(values[0], node.named_children[0])], {}, None)
            self.give_back(values[0] if values else Value(None))
            return False
        if kind in _JUMPS:
            self._jump(continuing=kind == "continue_statement")
            return False
        if kind in _STOPS:
            for child in node.named_children:
                self.eval(child)
            return False
        if kind == "if_statement":
            return self._if(node)
        if kind in ("for_statement", "enhanced_for_statement", "while_statement", "do_statement"):
            return self._loop(node)
        if kind in ("try_statement", "try_with_resources_statement"):
            return self._try(node)
        if kind in ("switch_expression", "switch_statement"):
            return self._switch(node)
        if kind in ("labeled_statement", "synchronized_statement"):
            for child in node.named_children:
                if child.type == "block":
                    return self.exec(child)
                self.eval(child)
            return True
        for child in node.named_children:
            self.eval(child)
        return True

    def _jump(self, continuing: bool) -> None:
        """`break` / `continue`: the state here reaches the end of the innermost loop (or, for a
        break, switch) instead of the next statement."""
        for kind, states in reversed(self.jumps):
            if kind == "loop" or not continuing:
                states.append(dict(self.env))
                return

    def _landing(self, kind: str, body: Callable[[], bool]) -> bool:
        """Run a loop or switch; the states its breaks (and continues) jumped from join its end."""
        self.jumps.append((kind, []))
        try:
            falls = body()
        finally:
            _, states = self.jumps.pop()
        if not states:
            return falls
        self.env = join_envs(([self.env] if falls else []) + states)
        return True

    def _switch(self, node: Node) -> bool:
        """A switch runs from the arm its subject selects through the arms after it until a break
        (`case 'C': case 'D': ...` fall through); a subject that folds to a constant selects one
        arm, and the others never run."""
        subject = self.eval(node.child_by_field_name("condition"))
        body = node.child_by_field_name("body")
        arms = list(body.named_children) if body is not None else []
        chosen = self._selected(arms, subject)
        starts = range(len(arms)) if chosen is None else ([] if chosen < 0 else [chosen])
        for index, arm in enumerate(arms):
            self.arm(arm, chosen is None or 0 <= chosen <= index)
        no_default = not any(_is_default(a) for a in arms)

        def run() -> bool:
            paths = [lambda i=i: self._run_arms(arms, i) for i in starts]
            return self.branch(paths, fallthrough_without_arm=(chosen is None and no_default) or chosen == -1)

        return self._landing("switch", run)

    def _selected(self, arms: list[Node], subject: Value) -> int | None:
        """The arm a constant subject selects (-1: none runs), or None when that is not known."""
        if subject.taints or subject.const in (NOT_CONST, SOME_CONST) or isinstance(subject.const, (dict, tuple)):
            return None
        default = -1
        for index, arm in enumerate(arms):
            for label in (c for c in arm.named_children if c.type == "switch_label"):
                if not label.named_children:
                    default = index
                    continue
                values = [self.eval(c) for c in label.named_children]
                if any(v.const in (NOT_CONST, SOME_CONST) or v.taints for v in values):
                    return None
                if any(type(v.const) is type(subject.const) and v.const == subject.const for v in values):
                    return index
        return default

    def _run_arms(self, arms: list[Node], start: int) -> bool:
        """From one arm on: an old-style arm without a break falls into the next."""
        for arm in arms[start:]:
            if not self._arm(arm):
                return False
            if arm.type == "switch_rule":
                return True
        return True

    def _arm(self, arm: Node) -> bool:
        ok = True
        for child in arm.named_children:
            if child.type in ("switch_label",):
                continue
            ok = self.exec(child) if child.type.endswith(("statement", "block", "declaration")) else (
                self.eval(child) is not None)
        return ok

    def _if(self, node: Node) -> bool:
        condition = node.child_by_field_name("condition")
        value = self.eval(condition)
        when_true, when_false = self.refinements(condition)
        body = node.child_by_field_name("consequence")
        alternative = node.child_by_field_name("alternative")
        folded = _truth(value)

        def then() -> bool:
            self.clean(when_true)
            return self.exec(body) if body is not None else True

        def otherwise() -> bool:
            self.clean(when_false)
            return self.exec(alternative) if alternative is not None else True

        self.arm(body, folded is not False)
        self.arm(alternative, folded is not True)
        if folded is True:
            return then()
        if folded is False:
            return otherwise()
        return self.branch([then, otherwise], fallthrough_without_arm=False)

    def refinements(self, condition: Node | None) -> tuple[list[str], list[str]]:
        """`ALLOWED.contains(x)`, `"a".equals(x)`, `x.matches("[a-z]+")` prove x is a known value."""
        if condition is None:
            return [], []
        if condition.type == "parenthesized_expression" and condition.named_children:
            return self.refinements(condition.named_children[0])
        if condition.type == "unary_expression" and text(condition.child_by_field_name("operator")) == "!":
            true, false = self.refinements(condition.child_by_field_name("operand"))
            return false, true
        if condition.type == "binary_expression" and text(condition.child_by_field_name("operator")) in ("&&", "||"):
            left = self.refinements(condition.child_by_field_name("left"))
            right = self.refinements(condition.child_by_field_name("right"))
            both = ([k for k in left[0] if k in right[0]], [k for k in left[1] if k in right[1]])
            either = (left[0] + right[0], left[1] + right[1])
            # a && b: both hold when true; when false, only what both falsities prove. || the reverse.
            if text(condition.child_by_field_name("operator")) == "&&":
                return either[0], both[1]
            return both[0], either[1]
        if condition.type == "method_invocation":
            method = text(condition.child_by_field_name("name"))
            receiver = condition.child_by_field_name("object")
            arguments = condition.child_by_field_name("arguments")
            args = arguments.named_children if arguments is not None else []
            if method in _CHECKS and receiver is not None and args:
                receiver_value = self.read(text(receiver)) if receiver.type == "identifier" else None
                receiver_constant = receiver.type == "string_literal" or _literal_list(receiver) or (
                    receiver_value is not None and receiver_value.constant and not receiver_value.taints)
                if receiver_constant and _subject(args[0]) is not None:
                    return [_subject(args[0])], []  # type: ignore[list-item]
                if method in ("equals", "equalsIgnoreCase", "matches") and _subject(receiver) is not None:
                    return [_subject(receiver)], []  # type: ignore[list-item]
                if method == "startsWith" and _subject(receiver) is not None:
                    return [_subject(receiver) + _PREFIX], []  # type: ignore[operator]
        return [], []

    def clean(self, keys: Any) -> None:
        """A prefix check (`next.startsWith("/")`, `path.startsWith(root)`) keeps a value on this
        site or in this folder: safe for redirects and requests, and for file paths once
        normalised; every other check proves a known value."""
        full = []
        for key in keys:
            if not key.endswith(_PREFIX):
                full.append(key)
                continue
            key = key[: -len(_PREFIX)]
            value = self.read(key)
            if value is None or not value.taints:
                continue
            classes = {"redirect", "ssrf"} | ({"path"} if all(_NORMALISED in t.cleansed for t in value.taints) else set())
            self.env[key] = Value(value.const, tuple(extend(t, cleansed=frozenset(classes)) for t in value.taints))
        super().clean(full)

    def _loop(self, node: Node) -> bool:
        kind = node.type
        for init in node.children_by_field_name("init"):
            self.exec(init) if init.type.endswith("declaration") else self.eval(init)
        condition = node.child_by_field_name("condition")
        if kind == "while_statement" and condition is not None and _truth(self.eval(condition)) is False:
            return True
        iterable = self.eval(node.child_by_field_name("value")) if kind == "enhanced_for_statement" else None
        name = node.child_by_field_name("name") if kind == "enhanced_for_statement" else None
        body = node.child_by_field_name("body")

        def once() -> None:
            if name is not None and iterable is not None:
                self.assign(text(name), Value(NOT_CONST, iterable.taints), name)
            if condition is not None and kind != "while_statement":
                self.eval(condition)
            if body is not None:
                self.exec(body)
            for update in node.children_by_field_name("update"):
                self.eval(update)

        def run() -> bool:
            # What the body changes is not known on entry to an iteration: a counter's first value
            # must not fold the body's conditions (`if (i == 2)` runs on the third pass).
            assigned = self.loop_writes.get(node.id)
            if assigned is None:
                assigned = self.loop_writes[node.id] = _assigned(node)
            for key in assigned & self.env.keys():
                self.env[key] = Value(NOT_CONST, self.env[key].taints)
            self.loop(once)
            return True

        return self._landing("loop", run)

    def _try(self, node: Node) -> bool:
        resources = node.child_by_field_name("resources")
        if resources is not None:
            for resource in resources.named_children:
                value_node = resource.child_by_field_name("value")
                name = resource.child_by_field_name("name")
                if value_node is not None and name is not None:
                    self.assign(text(name), self.eval(value_node), resource)
        body = node.child_by_field_name("body")
        ok = self.exec(body) if body is not None else True
        handlers = [c for c in node.named_children if c.type == "catch_clause"]
        arms = [lambda h=h: self.exec(h.child_by_field_name("body")) if h.child_by_field_name("body") else True
                for h in handlers]
        if arms:
            ok = self.branch(arms, fallthrough_without_arm=ok) or ok
        for child in node.named_children:
            if child.type == "finally_clause":
                for block in child.named_children:
                    if block.type == "block":
                        ok = self.exec(block) and ok
        return ok

    # ------------------------------------------------------------------ expressions
    def _eval(self, node: Node) -> Value:  # noqa: C901 - one dispatch over the grammar's expressions
        kind = node.type
        if kind == "identifier":
            key = text(node)
            found = self.read(key)
            if found is not None:
                return found
            return self.read_source(node, node, key) or UNKNOWN
        if kind == "field_access":
            return self._field(node)
        if kind == "method_invocation":
            return self._invocation(node)
        if kind == "object_creation_expression":
            return self._creation(node)
        if kind in ("string_literal", "text_block"):
            if any(c.type == "string_interpolation" for c in node.named_children):
                return union([self.eval(c) for c in node.named_children])
            return Value("".join(text(c) for c in node.named_children if c.type in ("string_fragment", "multiline_string_fragment")))
        if kind in ("decimal_integer_literal", "hex_integer_literal", "octal_integer_literal", "binary_integer_literal"):
            try:
                return Value(int(text(node).rstrip("lL").replace("_", ""), 0))
            except ValueError:
                return Value(SOME_CONST)
        if kind == "character_literal":
            inner = text(node)[1:-1]
            return Value(inner if len(inner) == 1 else SOME_CONST)  # 'C'; an escape stays some char
        if kind in ("decimal_floating_point_literal", "hex_floating_point_literal", "class_literal"):
            return Value(SOME_CONST)
        if kind in ("true", "false"):
            return Value(kind == "true")
        if kind == "null_literal":
            return Value(None)
        if kind == "assignment_expression":
            return self._assignment(node)
        if kind == "binary_expression":
            op = text(node.child_by_field_name("operator"))
            left = self.eval(node.child_by_field_name("left"))
            right = self.eval(node.child_by_field_name("right"))
            if op == "+" and self.spring_handler and isinstance(left.const, str) and left.const.startswith("redirect:") \
                    and not _local_path(left.const[len("redirect:"):]):
                # a Spring view name "redirect:<url>" sends the browser there (unless it starts on this site)
                self.call(node, REDIRECT_TO, None, None, [(right, node.child_by_field_name("right") or node)], {}, None)
            return self._binary(op, left, right)
        if kind == "ternary_expression":
            return self._ternary(node)
        if kind == "switch_expression":
            return self._switch_value(node)
        if kind in ("parenthesized_expression", "cast_expression"):
            wrapped = node.child_by_field_name("value") or (node.named_children[-1] if node.named_children else None)
            return self.eval(wrapped)
        if kind in ("instanceof_expression",):
            self.eval(node.child_by_field_name("left"))
            return Value(SOME_CONST)
        if kind in ("lambda_expression", "method_reference", "this", "super"):
            return UNKNOWN
        if kind == "array_access":
            container_node = node.child_by_field_name("array")
            container = self.eval(container_node)
            index = self.eval(node.child_by_field_name("index"))
            if isinstance(container.const, tuple) and isinstance(index.const, int) and not container.taints:
                try:
                    return Value(container.const[index.const])
                except IndexError:
                    return Value(SOME_CONST)
            if container.constant and not container.taints:
                return Value(SOME_CONST)  # one of a constant array's own items, whichever the index picks
            return Value(NOT_CONST, merge_taints(container.taints, index.taints))
        if kind == "array_creation_expression":
            for dimension in (c for c in node.named_children if c.type == "dimensions_expr"):
                self.eval(dimension)
            value = node.child_by_field_name("value")
            if value is not None:
                found = self.eval(value)
                if value.id in self.vectors:
                    self.vectors[node.id] = self.vectors[value.id]
                return found
            sizes = [c for c in node.named_children if c.type == "dimensions_expr"]
            size = self.eval(sizes[0].named_children[0]) if len(sizes) == 1 and sizes[0].named_children else UNKNOWN
            if isinstance(size.const, int) and not isinstance(size.const, bool) and 0 <= size.const <= 64:
                self.vectors[node.id] = [(Value(None), False)] * size.const
            return Value(SOME_CONST)  # new int[n]: defaults
        if kind == "array_initializer":
            items = [self.eval(c) for c in node.named_children]
            self.vectors[node.id] = [command.element(v, c) for v, c in zip(items, node.named_children)]
            if items and all(i.constant and i.const is not SOME_CONST for i in items):
                return Value(tuple(i.const for i in items))
            return union(items)
        return union([self.eval(c) for c in node.named_children])

    def _assignment(self, node: Node) -> Value:
        left = node.child_by_field_name("left")
        right = self.eval(node.child_by_field_name("right"))
        op = text(node.child_by_field_name("operator"))
        value = right if op == "=" else self._binary(op[:-1], self.eval(left), right)
        if left is None:
            return value
        if left.type == "array_access":
            container = left.child_by_field_name("array")
            key = key_of(container) if container is not None else None
            if key is not None:
                self.add_to(key, value, node)
                self.vector_write(key, self.eval(left.child_by_field_name("index")), value,
                                  node.child_by_field_name("right"))
            return value
        if left.type == "field_access":
            self.write_sink(left, self.write_name(left, text(left.child_by_field_name("field"))), value)
        key = key_of(left)
        if key is not None:
            self.assign(key, value, node)
            self.bind_vector(key, node.child_by_field_name("right") if op == "=" else None)
        return value

    def _binary(self, op: str, left: Value, right: Value) -> Value:
        taints = merge_taints(left.taints, right.taints)
        if op in _BOOLEAN:
            return _compared(op, left, right)
        if left.constant and right.constant:
            fold = _FOLD.get(op)
            if op == "+" and (isinstance(left.const, str) or isinstance(right.const, str)) \
                    and left.const is not SOME_CONST and right.const is not SOME_CONST:
                return Value(_java_str(left.const) + _java_str(right.const), taints)
            if fold is not None and _integer(left.const) and _integer(right.const):
                folded = fold(left.const, right.const)
                return Value(SOME_CONST if folded is None else folded, taints)
            return Value(SOME_CONST, taints)
        return Value(NOT_CONST, taints)

    def _ternary(self, node: Node) -> Value:
        condition = node.child_by_field_name("condition")
        folded = _truth(self.eval(condition))
        yes, no = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
        if folded is True:
            return self.eval(yes)
        if folded is False:
            return self.eval(no)
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

    def _switch_value(self, node: Node) -> Value:
        """`switch (x) { case "a" -> "A"; default -> throw ... }`: the join of the arms that give a
        value (an arm that throws gives none); arms with blocks are run as statements."""
        self.eval(node.child_by_field_name("condition"))
        body = node.child_by_field_name("body")
        values: list[Value] = []
        before = self.env
        for arm in body.named_children if body is not None else ():
            self.env = dict(before)
            if arm.type != "switch_rule":
                self._arm(arm)
                values.append(UNKNOWN)
                continue
            result = [c for c in arm.named_children if c.type != "switch_label"]
            if not result or result[0].type == "throw_statement":
                continue
            if result[0].type.endswith(("statement", "block")):
                self.exec(result[0])
                values.append(UNKNOWN)  # a yield's value is not followed
                continue
            values.append(self.eval(result[0]))
        self.env = before
        if not values:
            return UNKNOWN
        out = values[0]
        for value in values[1:]:
            out = join(out, value)
        return out

    def _field(self, node: Node) -> Value:
        key = key_of(node)
        if key is not None:
            found = self.read(key)
            if found is not None:
                return found
        source = self.read_source(node, _root(node), text(node.child_by_field_name("field")))
        if source is not None:
            return source
        base = self.eval(node.child_by_field_name("object"))
        return Value(NOT_CONST, base.taints)

    def _arguments(self, node: Node) -> list[tuple[Value, Node]]:
        arguments = node.child_by_field_name("arguments")
        return [(self.eval(a), a) for a in (arguments.named_children if arguments is not None else ())
                if not a.type.endswith("comment")]

    def _invocation(self, node: Node) -> Value:
        receiver_node = node.child_by_field_name("object")
        method = text(node.child_by_field_name("name"))
        receiver: Value | None = None
        receiver_key: str | None = None
        local: Unit | None = None
        if receiver_node is None or receiver_node.type == "this":
            local = self.file.lookup(method, self.unit.class_name)
        elif receiver_node.type == "object_creation_expression" and (
                created := receiver_node.child_by_field_name("type")) is not None:
            # `new Helper().run(x)`: a method of a class this file declares
            local = self.file.by_name.get(f"{_base_type(created)}.{method}")
        elif receiver_node.type == "identifier" and self.read(text(receiver_node)) is not None:
            # `Helper h = new Helper(); h.run(x)`: the variable's declared class, when this file declares it
            declared = self.file.qualify(receiver_node)
            unit = self.file.by_name.get(f"{declared.rsplit('.', 1)[-1]}.{method}") if declared else None
            local = unit if unit is not None and unit.body is not None else None  # not an interface's
        if receiver_node is not None and not _static(receiver_node, self.read):
            receiver_key = key_of(receiver_node)
            receiver = self.eval(receiver_node)
        name = self.call_name(node, method)
        args = self._arguments(node)
        if method in command.LIST_FACTORIES and receiver_node is not None \
                and text(receiver_node).rsplit(".", 1)[-1] in ("List", "Arrays", "Collections"):
            self.vectors[node.id] = [command.element(v, n) for v, n in args]
        if receiver_key is not None:
            self.vector_call(receiver_key, method, args)
        if method in ("exec", "command"):
            args = self.command_args(name, args, whole_vector=method == "command")
        if receiver_key is not None and method in ("setContentType", "setHeader", "add", "set"):
            self.content_type(receiver_key, method, args)
        if method == "body" and receiver_node is not None and self.html_marked(receiver_node):
            name = HTML_RESPONSE
        if method == "addAttribute" and self.session_names and len(args) == 2 \
                and isinstance(args[0][0].const, str) and args[0][0].const in self.session_names:
            name = SESSION_MODEL
        args = self.response_args(name, args)
        args = self.path_args(name, args)
        constant_args = bool(args) and all(v.constant and v.const is not SOME_CONST for v, _ in args)
        if method == "of" and receiver_node is not None and text(receiver_node).endswith("Map"):
            if constant_args and len(args) % 2 == 0:  # Map.of(k1, v1, k2, v2...)
                pairs = [v.const for v, _ in args]
                return Value(_FrozenDict(zip(pairs[::2], pairs[1::2])))
        elif method in _CONTAINERS and constant_args:
            return Value(tuple(v.const for v, _ in args))
        if receiver_key is not None:
            known = self.element_read(receiver_key, receiver, method, args)
            if known is not None:
                return known
            self.map_write(receiver_key, receiver, method, args)
        if receiver is not None and isinstance(receiver.const, dict) and not receiver.taints \
                and method == "put" and receiver_key is not None and len(args) == 2 \
                and args[0][0].constant and args[0][0].const is not SOME_CONST and args[1][0].constant:
            # A map filled with constants only (new HashMap<>() then put("k", "v")) stays a constant one.
            self.env[receiver_key] = Value(_FrozenDict({**receiver.const, args[0][0].const: args[1][0].const}))
            return Value(None)
        if receiver is not None and isinstance(receiver.const, dict) and not receiver.taints \
                and method in ("get", "getOrDefault"):
            default = args[1][0] if len(args) > 1 else Value(None)
            return Value(SOME_CONST if default.constant else NOT_CONST, default.taints)
        if receiver is not None and isinstance(receiver.const, str) and all(v.constant for v, _ in args):
            # a method of a constant string, of constants: a constant, known for the common ones
            return Value(_string_method(receiver.const, method, [v.const for v, _ in args]))
        if method in ("add", "set") and len(args) == 2 and "location" in text(args[0][1]).lower():
            self.call(node, REDIRECT_TO, None, None, args[1:], {}, None)  # headers.add(LOCATION, url)
        found = self.call(node, name, receiver, receiver_key, args, {}, local, method)
        if method in _NORMALISERS:
            return Value(found.const, tuple(extend(t, cleansed=frozenset({_NORMALISED})) for t in found.taints))
        return Value(SOME_CONST) if method in _SCALAR_RESULTS else found

    def path_args(self, name: str | None, args: list[tuple[Value, Node]]) -> list[tuple[Value, Node]]:
        """A stream or reader given to a file sink (Files.copy(in, target)) is content, not a path."""
        if not args or not any(s.sink_class == "path" for _, s in self.spec.sinks_for(name)):
            return args
        return [(Value(SOME_CONST), node) if self._stream(node) else (value, node) for value, node in args]

    def _stream(self, node: Node) -> bool:
        if node.type not in ("identifier", "method_invocation", "object_creation_expression"):
            return False
        qualified = self.file.qualify(node) or ""
        return qualified.rsplit(".", 1)[-1].lower().endswith(("stream", "reader", "writer"))

    # ------------------------------------------------------------------ HTTP responses
    def content_type(self, key: str, method: str, args: list[tuple[Value, Node]]) -> None:
        """`response.setContentType("text/plain")`, `headers.add(CONTENT_TYPE, "text/html")`:
        what the response will be rendered as, kept for its writes."""
        if method in ("setHeader", "add", "set") and (len(args) != 2 or "content" not in text(args[0][1]).lower()
                                                      .replace("_", "-").replace("-", "")):
            return
        value, node = args[-1] if args else (UNKNOWN, None)
        marked = node is not None and any(m in text(node) for m in _HTML_MARKS)
        if marked or (isinstance(value.const, str) and "html" in value.const.lower()):
            self.env[f"{key}<html>"] = Value(True)
            self.env[_CONTENT_TYPE] = Value("text/html")
        elif isinstance(value.const, str):
            self.env[_CONTENT_TYPE] = value

    def html_marked(self, node: Node) -> bool:
        """An expression that says it is HTML: `ResponseEntity.ok().contentType(MediaType.TEXT_HTML)`,
        or headers given an HTML content type."""
        key = key_of(node)
        flag = self.read(f"{key}<html>") if key is not None else None
        return (flag is not None and flag.const is True) or any(m in text(node) for m in _HTML_MARKS)

    def response_args(self, name: str | None, args: list[tuple[Value, Node]]) -> list[tuple[Value, Node]]:
        """A servlet response declared plain text (or JSON...) is not rendered as HTML: what its
        writer is given is harmless there."""
        declared = self.read(_CONTENT_TYPE)
        if name == HTML_RESPONSE or declared is None or not isinstance(declared.const, str) \
                or "html" in declared.const.lower():
            return args
        if not any(s.sink_class == "xss" for _, s in self.spec.sinks_for(name)):
            return args
        return [(Value(SOME_CONST), node) for _, node in args]

    def _creation(self, node: Node) -> Value:
        kind = node.child_by_field_name("type")
        last = _base_type(kind) if kind is not None else ""
        name = self.call_name(node, last)
        args = self._arguments(node)
        if last in _MAPS and not args:
            return Value(_FrozenDict())
        if last in command.FRESH_LISTS and len(args) <= 1:
            copied = self.vector(args[0][1]) if args else []
            if copied is not None:
                self.vectors[node.id] = list(copied)
        args = self.command_args(name, args, whole_vector=True)
        args = self.path_args(name, args)
        if last == "ResponseEntity" and len(args) > 1 and any(self.html_marked(n) for _, n in args[1:]):
            return self.call(node, HTML_RESPONSE, None, None, args[:1], {}, None)
        found = self.call(node, name, None, None, args, {}, None)
        if self.spec.sinks_for(name):
            # A new object holds what it was built from (new HttpGet(url) is still that URL).
            return union([found, *(v for v, _ in args)])
        return found


def _java_str(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_ENTRIES = "{}"  # environment key suffix: a map's values by constant key, while every write is known
_MAP_CHANGES = frozenset({"put", "putAll", "remove", "clear", "putIfAbsent", "compute", "computeIfAbsent",
                          "computeIfPresent", "merge", "replace", "replaceAll"})


def _map_key(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def _string_method(subject: str, method: str, args: list[Any]) -> Any:
    """What `"ABC".charAt(2)` and the like give; SOME_CONST for the others (or out of range)."""
    try:
        if method == "charAt" and len(args) == 1 and _integer(args[0]) and 0 <= args[0] < len(subject):
            return subject[args[0]]
        if method == "length" and not args:
            return len(subject)
        if method == "substring" and 1 <= len(args) <= 2 and all(_integer(a) for a in args) \
                and 0 <= args[0] <= (args[1] if len(args) == 2 else len(subject)) <= len(subject):
            return subject[args[0]:args[1]] if len(args) == 2 else subject[args[0]:]
        if method in ("toUpperCase", "toLowerCase", "trim", "strip") and not args:
            change: Callable[[], str] = {"toUpperCase": subject.upper, "toLowerCase": subject.lower}.get(
                method, subject.strip)
            return change()
        if method in ("equals", "startsWith", "endsWith", "contains") and len(args) == 1 and isinstance(args[0], str):
            test: Callable[[str], bool] = {"equals": lambda other: subject == other, "startsWith": subject.startswith,
                                           "endsWith": subject.endswith, "contains": subject.__contains__}[method]
            return test(args[0])
    except (TypeError, ValueError):
        pass
    return SOME_CONST


def _assigned(node: Node) -> set[str]:
    """The variables a loop assigns or increments anywhere in it (not in nested classes or lambdas)."""
    found: set[str] = set()
    stack = list(node.named_children)
    while stack:
        current = stack.pop()
        if current.type in ("lambda_expression", "class_body"):
            continue
        target = None
        if current.type == "assignment_expression":
            target = current.child_by_field_name("left")
        elif current.type == "update_expression":
            target = next((c for c in current.named_children), None)
        key = key_of(target) if target is not None else None
        if key is not None:
            found.add(key)
        stack.extend(current.named_children)
    return found


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_default(arm: Node) -> bool:
    return any(c.type == "switch_label" and not c.named_children for c in arm.named_children)


def _compared(op: str, left: Value, right: Value) -> Value:
    """A comparison of two known numbers or chars, or a && / || of known booleans, is known."""
    a, b = left.const, right.const
    if op in ("&&", "||"):
        absorbing = op == "||"  # false && anything is false, true || anything is true
        if (a is absorbing and not left.taints) or (b is absorbing and not right.taints):
            return Value(absorbing)
    if left.taints or right.taints:
        return Value(SOME_CONST)
    if op in ("&&", "||") and isinstance(a, bool) and isinstance(b, bool):
        return Value(a and b if op == "&&" else a or b)
    compare = _COMPARE.get(op)
    numbers = _integer(a) and _integer(b)
    chars = isinstance(a, str) and isinstance(b, str) and len(a) == len(b) == 1 and op in ("==", "!=")
    if compare is not None and (numbers or chars):
        return Value(compare(a, b))
    return Value(SOME_CONST)


def _truth(value: Value) -> bool | None:
    if value.const is NOT_CONST or value.const is SOME_CONST or value.taints or not isinstance(value.const, bool):
        return None
    return value.const


class _FrozenDict(dict):  # type: ignore[type-arg]
    """A constant Map.of(...); hashable by identity so it can sit in a Value."""

    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)


def make(file: Any, unit: Unit) -> JavaInterpreter:
    return JavaInterpreter(file, unit)
