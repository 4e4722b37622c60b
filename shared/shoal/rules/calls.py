"""Rules that name the functions they report calls to (`calls:` in a rule file), matched through
shoal.analysis.names instead of a tree-sitter query per spelling.

Per language, one query captures the calls whose callee's last identifier is the last segment of
some rule's name, and it runs only on files whose bytes hold one of them (one RE2 pass). Only
there is the file's NameTable built and the captured callees qualified. A bare call of a local
alias (`from hashlib import md5 as h; h()`) is written without the segment: a second query over
bare calls runs where the NameTable holds such an alias.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
import re
from functools import cache, lru_cache
from typing import Any

import re2
from tree_sitter import Node, Query, QueryCursor, Tree

from shoal.analysis import parser
from shoal.analysis.names import FileNames, Member, NamePattern, NameTable, last_segments, supported

# Per language: the patterns of calls by their callee's last identifier (@last), each captured as
# @call; and of bare calls of a name (for aliases).
_CALL_PATTERNS: dict[str, tuple[tuple[str, ...], str]] = {
    "python": (
        ("(call function: [(identifier) @last (attribute attribute: (identifier) @last)])",),
        "(call function: (identifier) @last)",
    ),
    "java": (
        ("(method_invocation name: (identifier) @last)",
         # the arguments last: an anonymous subclass (new ObjectInputStream(in) { resolveClass... })
         # is another class
         """(object_creation_expression type: [(type_identifier) @last
              (scoped_type_identifier (type_identifier) @last .)
              (generic_type [(type_identifier) @last (scoped_type_identifier (type_identifier) @last .)])]
              arguments: (argument_list) .)"""),
        "(method_invocation !object name: (identifier) @last)",
    ),
    "javascript": (
        ("(call_expression function: [(identifier) @last (member_expression property: (property_identifier) @last)])",
         "(new_expression constructor: [(identifier) @last (member_expression property: (property_identifier) @last)])"),
        "(call_expression function: (identifier) @last)",
    ),
    "go": (
        ("(call_expression function: [(identifier) @last (selector_expression field: (field_identifier) @last)])",),
        "(call_expression function: (identifier) @last)",
    ),
    "php": (
        ("(function_call_expression function: [(name) @last (qualified_name (name) @last .)])",
         "(member_call_expression name: (name) @last)",
         "(nullsafe_member_call_expression name: (name) @last)",
         "(scoped_call_expression name: (name) @last)",
         "(object_creation_expression [(name) @last (qualified_name (name) @last .)])"),
        "(function_call_expression function: (name) @last)",
    ),
    "ruby": (
        ("(call method: (identifier) @last)",),
        "(call !receiver method: (identifier) @last)",
    ),
}
_CALL_PATTERNS["typescript"] = _CALL_PATTERNS["tsx"] = _CALL_PATTERNS["javascript"]

# Argument nodes that spread an unknown number of values: what follows them cannot be placed.
_SPREADS = frozenset({
    "list_splat", "dictionary_splat", "spread_element", "splat_argument", "hash_splat_argument",
    "variadic_unpacking", "block_argument",
})
_KEYWORDS = frozenset({"keyword_argument", "pair"})  # Python name=value, Ruby name: value
_OBJECTS = frozenset({"object", "dictionary", "hash", "array_creation_expression"})
_CONSTANTS = frozenset({
    "integer", "float", "true", "false", "none", "null", "nil", "number", "null_literal",
    "decimal_integer_literal", "hex_integer_literal", "decimal_floating_point_literal",
    "character_literal", "boolean", "int_literal", "float_literal", "undefined", "symbol",
    "simple_symbol", "string_literal", "interpreted_string_literal", "raw_string_literal",
})
_STRING_PREFIX = "rbuRBUfF"


class CallSpecError(ValueError):
    """A `calls` entry that cannot work; the message names the field."""


@dataclass(frozen=True)
class ArgCondition:
    """A test on one argument of the call: by position (from 0, positional arguments only), by
    keyword, or both (the keyword first); with `property`, on that key of an object or dict
    literal given there. Text tests see a constant string's content, else the source text."""

    position: int | None = None
    keyword: str | None = None
    property: str | None = None
    equals: frozenset[str] | None = None
    not_equals: frozenset[str] | None = None
    matches: Any = None
    not_matches: Any = None
    string_literal: bool | None = None
    constant: bool | None = None
    absent: bool | None = None


@dataclass(frozen=True)
class CallSpec:
    """Calls to any of `names` (NamePatterns) for which every argument condition holds; with
    `context`, whose result goes to a name it matches (an assigned variable or field, a keyword
    or key it is passed as, the function it is returned from); with `unless`, in a scope (the
    function, or the class for a field) that makes none of those calls."""

    names: tuple[NamePattern, ...]
    args: tuple[ArgCondition, ...] = ()
    context: Any = None  # compiled re2 pattern
    unless: tuple[CallSpec, ...] = ()
    not_names: tuple[NamePattern, ...] = ()  # callees that match these are not reported

    def matches(self, qualified: str) -> bool:
        return any(pattern.matches(qualified) for pattern in self.names) and not any(
            pattern.matches(qualified) for pattern in self.not_names)


def parse_calls(data: Any, languages: Sequence[str]) -> tuple[CallSpec, ...]:
    """The `calls` of a rule, or CallSpecError naming the field at fault."""
    if not data:
        return ()
    unsupported = [language for language in languages if not supported(language)]
    if unsupported:
        raise CallSpecError(f"calls: names cannot be resolved in {', '.join(unsupported)}: write queries for it")
    if not isinstance(data, list):
        raise CallSpecError("calls: must be a list of {names: [...], args: [...]} entries")
    return tuple(_spec(entry, f"calls[{index}]") for index, entry in enumerate(data))


def _spec(entry: Any, where: str) -> CallSpec:
    if not isinstance(entry, Mapping) or not entry.get("names"):
        raise CallSpecError(f"{where}: needs 'names', a list of qualified names such as hashlib.md5")
    names = entry["names"] if isinstance(entry["names"], list) else [entry["names"]]
    patterns = []
    for number, text in enumerate(names):
        try:
            pattern = NamePattern.compile(text)
        except ValueError as exc:
            raise CallSpecError(f"{where}.names[{number}]: {exc}") from None
        if pattern.last is None:
            raise CallSpecError(
                f"{where}.names[{number}]: {text!r} ends in '*': name the function called (its last "
                "segment is what keeps a scan from resolving every call)"
            )
        patterns.append(pattern)
    args = tuple(_condition(spec, f"{where}.args[{n}]") for n, spec in enumerate(entry.get("args") or ()))
    unless = tuple(_spec(other, f"{where}.unless[{n}]") for n, other in enumerate(entry.get("unless") or ()))
    try:
        context = _regex(entry.get("context"))
    except re2.error as exc:
        raise CallSpecError(f"{where}.context: invalid regex: {exc}") from None
    not_names = []
    excluded = entry.get("not_names") or ()
    for number, text in enumerate([excluded] if isinstance(excluded, str) else excluded):
        try:
            not_names.append(NamePattern.compile(text))
        except ValueError as exc:
            raise CallSpecError(f"{where}.not_names[{number}]: {exc}") from None
    return CallSpec(tuple(patterns), args, context, unless, tuple(not_names))


def _condition(spec: Any, where: str) -> ArgCondition:
    if not isinstance(spec, Mapping) or ("position" not in spec and "keyword" not in spec):
        raise CallSpecError(f"{where}: say which argument, by 'position' (from 0) or 'keyword'")
    try:
        return ArgCondition(
            position=spec.get("position"),
            keyword=spec.get("keyword"),
            property=spec.get("property"),
            equals=_texts(spec.get("equals")),
            not_equals=_texts(spec.get("not_equals")),
            matches=_regex(spec.get("matches")),
            not_matches=_regex(spec.get("not_matches")),
            string_literal=spec.get("string_literal"),
            constant=spec.get("constant"),
            absent=spec.get("absent"),
        )
    except re2.error as exc:
        raise CallSpecError(f"{where}: invalid regex: {exc}") from None


def _texts(value: str | list[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value)


def _regex(pattern: str | None) -> Any:
    return None if pattern is None else re2.compile(pattern)


# --------------------------------------------------------------------------- matching


_SET_OPTIONS = re2.Options()
_SET_OPTIONS.max_mem = 64 << 20

# Languages where a local name can stand for an imported one under another name, and what a
# file with such a rename holds (None: no cheap test, look whenever the file is resolved).
_RENAMES: dict[str, Any] = {
    "python": re2.compile(rb"\bimport\b[^\n]*\bas\b"),
    "php": re2.compile(rb"\buse\b[^;]*\bas\b"),
    "javascript": None, "typescript": None, "tsx": None, "go": None,
}
# Where a language's table collects definitions on demand (NameTable.collect_by_region), what
# starts every statement that can bind a name _aliases reads.
_IMPORTS: dict[str, Any] = {"python": re2.compile(rb"\bimport\b")}


@dataclass(frozen=True)
class _Owner:
    rule: Any
    spec: CallSpec
    needs: frozenset[int]  # prefilter regexes the arguments need (a keyword, an equals value)
    patterns: tuple[tuple[NamePattern, frozenset[int]], ...]  # each with the atoms it needs


@dataclass
class CallMatcher:
    """The call rules of one language. A file is looked at only where the bytes hold, for some
    rule, the last segment and the segment before it of one of its names (`md5` and `hashlib`:
    an import or a declared type names the latter) and what its argument conditions need (the
    keyword `verify` and the value `False`): one RE2 pass. Only calls ending in such a segment
    are resolved, and the NameTable is built at the first of them. `owners` are (rule, spec)."""

    language: str
    owners: tuple[tuple[Any, CallSpec], ...]
    segments: frozenset[str] = field(init=False)
    _prefilter: Any = field(init=False, repr=False)
    # By last segment: the prefilter regex of the segment, and the owners with their names ending in it.
    _index: dict[str, tuple[int, list[tuple[_Owner, tuple[tuple[NamePattern, frozenset[int]], ...]]]]] = field(
        init=False, repr=False)
    _anywhere: frozenset[int] = field(init=False, repr=False)
    _confirm: Any = field(init=False, repr=False)  # re2.Set of the prefilter's regexes, by the same index
    # The last segments by their prefilter regex: a file's potential regexes name the few
    # segments worth a look (Python: 87 segments, most files hold a handful).
    _segment_of: dict[int, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        found = last_segments(pattern for _, spec in self.owners for pattern in spec.names)
        self.segments = found or frozenset()
        self._prefilter = re2.Filter()
        regexes: dict[str, int] = {}

        def need(*alternatives: str, keyword: bool = False) -> int:
            # Whole words (DES, not DESC), and for a keyword, followed by = or : (verify=, secure:).
            words = "|".join(_word(text) for text in sorted(set(alternatives)))
            regex = f"(?:{words})[\"']?\\s*[=:]" if keyword else words
            if regex not in regexes:
                regexes[regex] = self._prefilter.Add(regex)
            return regexes[regex]

        self._index = {}
        for rule, spec in self.owners:
            needs = frozenset(need(*words, keyword=keyword) for c in spec.args for words, keyword in _argument_needs(c))
            patterns = tuple((pattern, frozenset(need(atom) for atom in _pattern_atoms(pattern))) for pattern in spec.names)
            owner = _Owner(rule, spec, needs, patterns)
            for segment in sorted({pattern.last for pattern in spec.names if pattern.last}):
                ending = tuple((p, atoms) for p, atoms in patterns if p.last == segment)
                self._index.setdefault(segment, (need(segment), []))[1].append((owner, ending))
        self._prefilter.Compile()
        # Words and keywords only: its automaton stays small (no state-cache thrashing that would
        # make RE2's Set miss), and the budget leaves it room.
        self._confirm = re2.Set.SearchSet(_SET_OPTIONS)
        for regex, index in regexes.items():  # in the order added: the same indexes
            if self._confirm.Add(regex) != index:
                raise AssertionError("the Set and the prefilter number the regexes alike")
        self._confirm.Compile()
        self._anywhere = frozenset(self._prefilter.Match(b"", True) or ())
        self._segment_of = {atom: segment for segment, (atom, _) in self._index.items()}

    @property
    def query(self) -> Query:
        return _segment_query(self.language, self.segments)

    def _active(self, source: bytes) -> dict[str, list[tuple[_Owner, tuple[NamePattern, ...]]]]:
        """By last segment, the owners and names the file's bytes leave possible."""
        potential = set(self._prefilter.Match(source, True) or ()) | self._anywhere
        segments = sorted(potential.intersection(self._segment_of))
        if not segments:
            return {}
        # The prefilter's atoms say "maybe"; the regexes themselves say yes, all in one pass over
        # the file (one search each cost more: Django, 2,400 of them in 1,800 files).
        found = frozenset(self._confirm.Match(source) or ())

        def holds(index: int) -> bool:
            return index in potential and index in found

        active: dict[str, list[tuple[_Owner, tuple[NamePattern, ...]]]] = {}
        for atom in segments:
            segment = self._segment_of[atom]
            for owner, ending in self._index[segment][1]:
                # Every atom possible first (a set test), then the regexes confirmed (a search).
                possible = [atoms for _, atoms in ending if atoms <= potential]
                if not possible or not owner.needs <= potential:
                    continue
                if holds(atom) and all(holds(index) for index in owner.needs):
                    names = tuple(pattern for pattern, atoms in ending
                                  if atoms <= potential and all(holds(index) for index in atoms))
                    if names:
                        active.setdefault(segment, []).append((owner, names))
        return active

    def calls(
        self, tree: Tree, source: bytes, path: str, file_names: FileNames | None = None,
    ) -> Iterable[tuple[Any, CallSpec, Node, str, NameTable]]:
        """(rule, spec, call node, qualified callee, table) for each call a rule names.
        `file_names`: the file's lazily built table, shared with taint (resolved once per file)."""
        if not self.segments:
            return
        active = self._active(source)
        if not active:
            return
        root = tree.root_node
        names = file_names or FileNames(self.language, tree, source, path)
        table: NameTable | None = None
        seen: set[int] = set()
        # The callee's last identifier is one of the active segments, as written: the walk goes
        # only where those words are (Django: a tenth of the time of walking every tree).
        ranges = parser.ranges_of(_places(frozenset(active)), source)
        for _, captures in parser.matches(self.query, root, ranges):
            call, last = captures["call"][0], captures["last"][0]
            owners = active.get((last.text or b"").decode("utf-8", "replace"))
            if not owners or call.id in seen:
                continue
            seen.add(call.id)
            table = table or names.table()
            yield from _matching(owners, call, table)
        renames = _RENAMES.get(self.language, False)
        if renames is None or (renames is not False and renames.search(source)):
            table = table or names.table()
            imports = _IMPORTS.get(self.language)
            if imports is None:
                table.complete()  # _aliases reads every scope's bindings
            else:  # its only bindings that rename are imports: the definitions holding one
                table.collect_at(match.start() for match in imports.finditer(source))
            aliases = _aliases(table, frozenset(active))
            for _, captures in QueryCursor(_bare_query(self.language)).matches(root) if aliases else ():
                call = captures["call"][0]
                if table.text(captures["last"][0]) in aliases and call.id not in seen:
                    seen.add(call.id)
                    qualified = table.qualify(call) or ""
                    yield from _matching(active.get(qualified.rsplit(".", 1)[-1], ()), call, table)


def _matching(owners: Iterable[tuple[_Owner, tuple[NamePattern, ...]]], call: Node,
              table: NameTable) -> Iterable[tuple[Any, CallSpec, Node, str, NameTable]]:
    qualified = table.qualify(call)
    if qualified is None:
        return
    for owner, names in owners:
        if any(pattern.matches(qualified) for pattern in names) and not any(
                pattern.matches(qualified) for pattern in owner.spec.not_names):
            yield owner.rule, owner.spec, call, qualified, table


def _pattern_atoms(pattern: NamePattern) -> tuple[str, ...]:
    """What a file must hold for a call to match: the last segment, and the one before it
    unless it is `*` or stands for no text (the `?` receiver, a `$variable`)."""
    segments = pattern.text.split(".")
    atoms = [segments[-1]]
    if len(segments) > 1 and segments[-2] not in ("*", "?") and not segments[-2].startswith("$"):
        atoms.append(segments[-2].rsplit("/", 1)[-1])  # Go's crypto/md5: the package name
    return tuple(atoms)


def _word(text: str) -> str:
    """`text` as a regex matching it as a whole word where its ends are word characters."""
    escaped = re2.escape(text)
    start = "\\b" if text[:1].isalnum() or text[:1] == "_" else ""
    end = "\\b" if text[-1:].isalnum() or text[-1:] == "_" else ""
    return f"{start}{escaped}{end}"


def _argument_needs(condition: ArgCondition) -> list[tuple[tuple[str, ...], bool]]:
    """What a file must hold for the condition to be able to hold, as (words one of which must
    be there, whether as a keyword followed by = or :): a keyword given without a position, and
    one of the values `equals` allows."""
    if condition.absent:
        return []
    needs: list[tuple[tuple[str, ...], bool]] = []
    if condition.keyword is not None and condition.position is None:
        needs.append(((condition.keyword,), True))
    if condition.equals is not None:
        needs.append((tuple(condition.equals), False))
    return needs


def _aliases(table: NameTable, segments: frozenset[str]) -> frozenset[str]:
    """Local names bound to something whose last segment a rule needs, under another name."""
    found = set()
    for bindings in table.scopes.values():
        for name, values in bindings.items():
            for value in values:
                target = value if isinstance(value, str) else value.name if isinstance(value, Member) else None
                if isinstance(value, Node) and value.type == "call_expression":
                    target = table.type_of(value)  # const session = require('express-session')
                if target is not None and target.rsplit(".", 1)[-1] in segments and name not in segments:
                    found.add(name)
    return frozenset(found)


@cache
def _segment_query(language: str, segments: frozenset[str]) -> Query:
    values = " ".join(f'"{segment}"' for segment in sorted(segments))
    patterns = _CALL_PATTERNS[language][0]
    return parser.compile_query(language, "\n".join(f"({p} @call (#any-of? @last {values}))" for p in patterns))


@lru_cache(maxsize=256)
def _places(segments: frozenset[str]) -> Any:
    """A regex for where a node whose text is one of `segments` may be (each one as written)."""
    return re2.compile("|".join(re2.escape(segment) for segment in sorted(segments, key=lambda s: (-len(s), s))).encode())


@cache
def _bare_query(language: str) -> Query:
    return parser.compile_query(language, _CALL_PATTERNS[language][1] + " @call")


# --------------------------------------------------------------------------- conditions


def accepts(spec: CallSpec, call: Node, table: NameTable) -> Arguments | None:
    """The call's arguments when all of `spec`'s conditions hold, else None."""
    if _dead(call, table):
        return None
    args = arguments(call, table)
    if not all(holds(condition, args, table) for condition in spec.args):
        return None
    if spec.context is not None and not any(spec.context.search(name) for name in context_reach(call, table)):
        return None
    if spec.unless and _scope_calls(spec.unless, call, table):
        return None
    return args


def _dead(call: Node, table: NameTable) -> bool:
    """Whether the call sits in the branch of an `if` a constant condition never takes."""
    child, current = call, call.parent
    while current is not None and current.type not in _FUNCTIONS:
        if current.type in ("if_statement", "if"):
            condition = current.child_by_field_name("condition")
            consequence = current.child_by_field_name("consequence") or current.child_by_field_name("body")
            if condition is not None and consequence is not None and consequence.start_byte <= child.start_byte < consequence.end_byte:
                if truth(condition, table) is False:
                    return True
        child, current = current, current.parent
    return False


# Where the walk up from a call for the names its result goes to stops: a statement list.
_BLOCKS = frozenset({
    "module", "program", "source_file", "block", "statement_block", "class_body", "body_statement",
    "compound_statement", "declaration_list", "constructor_body", "switch_block", "do_block",
})
_FUNCTIONS = frozenset({
    "function_definition", "method_declaration", "constructor_declaration", "function_declaration",
    "method_definition", "method", "singleton_method", "func_literal", "arrow_function",
    "function_expression", "generator_function_declaration",
})
_CONTEXT_DEPTH = 24


_ARGUMENT_LISTS = frozenset({"argument_list", "arguments"})
_IDENTIFIERS = frozenset({"identifier", "variable_name"})


def context_reach(call: Node, table: NameTable) -> list[str]:
    """context_names of the call and, where its result goes to a plain local variable (or an
    array it is pushed onto), of every later use of that variable in the same scope (one step:
    `code = randint(); session["otp"] = code`); where it is returned from a named function, of
    every call of that function in the file (`secret: uuidish()`)."""
    names, target = _context(call, table)
    names.extend(_caller_names(target, table))
    holder = call.child_by_field_name("arguments")
    # Where the result goes: the variable assigned, or the names the call fills (nextBytes(buf)).
    receivers = [target] if target is not None else list(holder.named_children) if holder else []
    followed = {table.text(node) for node in receivers if node.type in _IDENTIFIERS}
    if not followed:
        return names
    stack = [table.scope_of(call)]
    while stack:
        node = stack.pop()
        if node.type in _IDENTIFIERS and node.start_byte > call.end_byte and table.text(node) in followed:
            more, hop = _context(node, table)
            names.extend(more)
            names.extend(_caller_names(hop, table))
        else:
            stack.extend(node.children)
    return names


def _caller_names(name: Node | None, table: NameTable) -> list[str]:
    """When `name` names a function (the value is its return value), the context names of each
    call of it in the file: a helper hands what it returns to its callers."""
    function = name.parent if name is not None else None
    if function is not None and function.type not in _FUNCTIONS:
        value = function.child_by_field_name("value")  # const helper = () => ...
        function = value if value is not None and value.type in _FUNCTIONS else None
    if name is None or function is None:
        return []
    root = function
    while root.parent is not None:
        root = root.parent
    return [found for call in _calls_by_name(root, table).get(table.text(name), ())
            if not function.start_byte <= call.start_byte < function.end_byte
            for found in _context(call, table)[0]]


def _calls_by_name(root: Node, table: NameTable) -> dict[str, list[Node]]:
    """Calls of a plain name in the file, by that name: one walk of the tree per file, however
    many values are followed to their helpers' callers (kept on the file's name table)."""
    if table.calls_by_name is not None and table.calls_by_name[0] == root:
        return table.calls_by_name[1]
    calls: dict[str, list[Node]] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        callee = node.child_by_field_name("function") if node.type in ("call_expression", "call") else None
        if callee is not None and callee.type in _IDENTIFIERS:
            calls.setdefault(table.text(callee), []).append(node)
        stack.extend(node.children)
    table.calls_by_name = (root, calls)
    return calls


def context_names(call: Node, table: NameTable) -> list[str]:
    """The name the call's result is given to, the nearest of: the target of the assignment or
    declaration it is part of, the keyword or key it is passed as, the function it is returned
    from (`token = make(delay=random())` gives it to `delay`, not `token`); and the constant
    strings passed beside it to the calls it goes through (`new Cookie("SID", value)`)."""
    return _context(call, table)[0]


def _context(call: Node, table: NameTable) -> tuple[list[str], Node | None]:
    # A call's own name arguments receive its result too: rng.nextBytes(key), shuffle(pool).
    holder = call.child_by_field_name("arguments")
    names: list[str] = [table.text(arg) for arg in holder.named_children if arg.type in _IDENTIFIERS] if holder else []
    node: Node | None = call
    pushed: Node | None = None
    for _ in range(_CONTEXT_DEPTH):
        parent = node.parent if node is not None else None
        if parent is None or parent.type in _BLOCKS:
            break
        kind = parent.type
        target = None
        if kind == "template_substitution":
            names.extend(_parameter_name(parent, table))
        if kind in ("assignment", "assignment_expression", "augmented_assignment", "short_var_declaration",
                    "augmented_assignment_expression", "operator_assignment"):
            target = parent.child_by_field_name("left")
        elif kind in ("variable_declarator", "var_spec", "const_spec"):
            target = parent.child_by_field_name("name")
        elif kind in ("keyword_argument", "pair", "argument"):
            target = parent.child_by_field_name("name") or parent.child_by_field_name("key")
        elif kind in ("return_statement", "return") or (
                kind == "arrow_function" and node == parent.child_by_field_name("body")):  # `=> value`
            function = parent if kind == "arrow_function" else _enclosing(parent, _FUNCTIONS)
            target = _function_name(function) if function is not None else None
            if target is None and function is not None and function.parent is not None \
                    and function.parent.type in _ARGUMENT_LISTS:
                node = function  # a callback's result goes into the call it is passed to
                continue
        elif kind in _ARGUMENT_LISTS:
            names.extend(_unquoted(table.text(arg)) for arg in parent.named_children
                         if arg != node and parser.is_string_literal(arg, table.language))
            receiver = _receiver_of(parent.parent)
            if receiver is not None:
                names.append(table.text(receiver))  # key.append(value), parts.push(value)
                if _method_name(parent.parent, table) in _COLLECTION_ADDS:
                    pushed = pushed or receiver
        if target is not None and target != node:
            text = table.text(target)
            names.append(text)
            if text.endswith("]") and "[" in text:
                names.append(text[: text.index("[")])  # key[i] = value: the array's name
            return names, target
        if kind in _FUNCTIONS or kind in ("return_statement", "return"):
            break
        node = parent
    if parent is not None and parent.type in _BLOCKS:  # a statement of its own: its function's name
        function = _enclosing(parent, _FUNCTIONS)
        name = _function_name(function) if function is not None else None
        if name is not None:
            names.append(table.text(name))
        elif function is not None and function.parent is not None and function.parent.type in _ARGUMENT_LISTS:
            # a handler passed to a call: the strings beside it (a route: app.post('/reset-pin', ...))
            names.extend(_unquoted(table.text(arg)) for arg in function.parent.named_children
                         if parser.is_string_literal(arg, table.language))
    return names, pushed  # an array the value was pushed onto is followed like a variable


# `?key=${value}` / `sig=${value}`: the parameter a template gives the value to, before it.
_PARAMETER = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)=$")


def _parameter_name(substitution: Node, table: NameTable) -> list[str]:
    before = substitution.prev_sibling
    if before is None or before.type != "string_fragment":
        return []
    match = _PARAMETER.search(table.text(before))
    return [match.group(1)] if match else []


# Methods that put their argument into the receiver, whose later uses then carry the value.
_COLLECTION_ADDS = frozenset({"push", "unshift", "append", "add", "extend", "insert"})


def _method_name(call: Node | None, table: NameTable) -> str:
    function = call.child_by_field_name("function") if call is not None else None
    member = function.child_by_field_name("property") if function is not None else None
    return table.text(member) if member is not None else ""


def _receiver_of(call: Node | None) -> Node | None:
    if call is None:
        return None
    receiver = call.child_by_field_name("object")
    function = call.child_by_field_name("function")
    if receiver is None and function is not None:
        receiver = function.child_by_field_name("object")
    return receiver if receiver is not None and receiver.type in _IDENTIFIERS else None


def _function_name(function: Node) -> Node | None:
    """A function's name, or for an anonymous one the variable, key or field it is given to."""
    name = function.child_by_field_name("name")
    parent = function.parent
    if name is None and parent is not None:
        if parent.type in ("variable_declarator", "public_field_definition", "field_definition"):
            name = parent.child_by_field_name("name") or parent.child_by_field_name("property")
        elif parent.type == "pair":
            name = parent.child_by_field_name("key")
        elif parent.type == "assignment_expression":
            name = parent.child_by_field_name("left")
    return name


def _enclosing(node: Node, kinds: frozenset[str]) -> Node | None:
    current = node.parent
    while current is not None and current.type not in kinds:
        current = current.parent
    return current


def _scope_calls(specs: tuple[CallSpec, ...], call: Node, table: NameTable) -> bool:
    """Whether the scope around `call` (for a field or module-level value, the class or file)
    makes a call one of `specs` accepts."""
    scope = table.scope_of(call)
    segments = last_segments(pattern for spec in specs for pattern in spec.names) or frozenset()
    if not segments:
        return False
    for other in QueryCursor(_segment_query(table.language, segments)).captures(scope).get("call", ()):
        qualified = table.qualify(other)
        if qualified is None:
            continue
        for spec in specs:
            if spec.matches(qualified) and accepts(spec, other, table) is not None:
                return True
    return False


# --------------------------------------------------------------------------- arguments


@dataclass(frozen=True)
class Arguments:
    positional: tuple[Node, ...]
    keywords: Mapping[str, Node]
    spread: bool  # an argument spreads values: a missing one may be among them


def arguments(call: Node, table: NameTable) -> Arguments:
    holder = call.child_by_field_name("arguments")
    if holder is None:
        holder = next((c for c in call.named_children if c.type in ("arguments", "argument_list")), None)
    positional: list[Node] = []
    keywords: dict[str, Node] = {}
    spread = False
    for node in holder.named_children if holder is not None else ():
        if node.type == "comment":
            continue
        if node.type == "argument":  # PHP wraps each one, named or not
            name = node.child_by_field_name("name")
            value = next((c for c in node.named_children if c != name), None) if node.named_children else None
            if value is None:
                continue
            if value.type == "variadic_unpacking":
                spread = True
            elif name is not None:
                keywords[table.text(name)] = value
            else:
                positional.append(value)
            continue
        if node.type == "dictionary_splat" and _splat_keywords(node, table, keywords):
            continue  # **flags, where flags is a dict literal: its keys are keywords
        if node.type in _SPREADS:
            spread = True
        elif node.type in _KEYWORDS:
            key, value = node.child_by_field_name("key") or node.child_by_field_name("name"), node.child_by_field_name("value")
            if key is not None and value is not None:
                keywords[table.text(key).rstrip(":").strip("'\"")] = value
        else:
            positional.append(node)
    return Arguments(tuple(positional), keywords, spread)


def _splat_keywords(splat: Node, table: NameTable, keywords: dict[str, Node]) -> bool:
    """Add the entries of `**name` to `keywords` where name's value is a dict literal with
    constant keys only; False (an unknown spread) otherwise."""
    inner = splat.named_children[0] if splat.named_children else None
    if inner is None or inner.type != "identifier":
        return False
    values = _reaching(table.assigned(table.text(inner), inner), inner)
    if len(values) != 1 or values[0].type != "dictionary":
        return False
    entries = {}
    for pair in values[0].named_children:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type != "pair" or key is None or value is None or not parser.is_string_literal(key, table.language):
            return False
        entries[_unquoted(table.text(key))] = value
    keywords.update(entries)
    return True


_MISSING = object()
_UNKNOWN = object()


def _argument(args: Arguments, condition: ArgCondition, table: NameTable) -> Any:
    """The node the condition tests, _MISSING when the call certainly has none, _UNKNOWN when a
    spread argument or a non-literal container may hold it."""
    found: Node | None = None
    if condition.keyword is not None:
        found = args.keywords.get(condition.keyword)
    if found is None and condition.position is not None and condition.position < len(args.positional):
        found = args.positional[condition.position]
    if found is None:
        return _UNKNOWN if args.spread else _MISSING
    for key in condition.property.split(".") if condition.property else ():
        if found.type in _NAMES:  # options held in a name: the object literal it was last given
            values = _reaching(table.assigned(table.text(found), found), found)
            if len(values) == 1 and _key_assigned(table, found, key):
                # opts.noent = true: the value set last before the call, if set unconditionally
                return _key_value(table, found, key)
            found = values[0] if len(values) == 1 else found
        if found.type not in _OBJECTS:
            return _UNKNOWN
        found = _property(found, key, table)  # cookie.secure: a key of the object at key cookie
        if not isinstance(found, Node):
            return found
    return found


def _key_assigned(table: NameTable, name: Node, key: str) -> bool:
    """Whether the scope around `name` assigns its `key` (opts.secure = ..., opts["secure"] = ...)."""
    scope = table.scope_of(name)
    text = table.source[scope.start_byte : scope.end_byte]
    variable, field_ = re2.escape(table.text(name)), re2.escape(key)
    pattern = rf"\b{variable}\s*(?:\.\s*{field_}\b|\[\s*[\"']{field_}[\"']\s*\])\s*=[^=]"
    return re2.search(pattern.encode(), text) is not None


_KEY_TARGETS = frozenset({"member_expression", "subscript_expression", "attribute", "subscript"})
_BRANCHES = frozenset({
    "if_statement", "if", "else_clause", "for_statement", "for_in_statement", "while_statement",
    "do_statement", "try_statement", "catch_clause", "switch_statement", "switch_case", "for",
    "while", "try", "except_clause", "conditional_expression", "ternary_expression", "with_statement",
})


def _key_value(table: NameTable, name: Node, key: str) -> Any:
    """The value `name.key = value` (or `name["key"] = value`) gives the key last before the use of
    `name`, when each such assignment runs unconditionally in the use's scope; else _UNKNOWN."""
    scope = table.scope_of(name)
    variable = table.text(name)
    last: Node | None = None
    stack = [scope]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.type not in ("assignment_expression", "assignment"):
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None or left.type not in _KEY_TARGETS:
            continue
        holder = left.child_by_field_name("object") or left.child_by_field_name("value")
        field_ = (left.child_by_field_name("property") or left.child_by_field_name("index")
                  or left.child_by_field_name("attribute") or left.child_by_field_name("subscript"))
        if holder is None or field_ is None or table.text(holder) != variable or _unquoted(table.text(field_)) != key:
            continue
        if node.start_byte > name.start_byte or _enclosing_within(node, _BRANCHES, scope) \
                or table.scope_of(node) != scope:
            return _UNKNOWN  # set after the use, in a branch or loop, or in another function
        if last is None or node.start_byte > last.start_byte:
            last = node
    right = last.child_by_field_name("right") if last is not None else None
    return right if right is not None else _UNKNOWN


def _enclosing_within(node: Node, kinds: frozenset[str], stop: Node) -> bool:
    current = node.parent
    while current is not None and current != stop:
        if current.type in kinds:
            return True
        current = current.parent
    return False


def _property(container: Node, key: str, table: NameTable) -> Any:
    spread = False
    for entry in container.named_children:
        if entry.type in ("pair", "array_element_initializer") and len(entry.named_children) >= 2:
            name = entry.child_by_field_name("key") or entry.named_children[0]
            value = entry.child_by_field_name("value") or entry.named_children[-1]
            if _unquoted(table.text(name)).rstrip(":") == key:
                return value
        elif entry.type in ("shorthand_property_identifier",) and table.text(entry) == key:
            return entry
        elif entry.type in _SPREADS or entry.type in ("spread_element", "dictionary_splat"):
            spread = True
    return _UNKNOWN if spread else _MISSING


def holds(condition: ArgCondition, args: Arguments, table: NameTable) -> bool:
    node = _argument(args, condition, table)
    if node is _UNKNOWN:
        return False  # nothing is reported on what cannot be seen
    if node is _MISSING:
        return condition.absent is True
    if condition.absent is True:
        return False
    return any(_passes(condition, value) for value in values_of(node, table))


@dataclass(frozen=True)
class Value:
    """What an argument may be: its text (a constant string's content), and whether it is a
    constant string or a constant of any kind."""

    text: str
    literal: bool
    constant: bool


_CONDITIONALS = frozenset({"conditional_expression", "ternary_expression"})
_NAMES = frozenset({"identifier", "variable_name"})
_VALUE_DEPTH = 4


def values_of(node: Node, table: NameTable, depth: int = 0) -> list[Value]:
    """The values an argument may have: a name stands for the value last assigned to it before
    the use in its scope, read as straight-line code (`alg = "MD5"`, a `static final` field;
    every assignment when none comes before), a conditional for the branch a constant condition
    takes or else both, `+` of constant strings for their concatenation, `MODES.fast` /
    `MODES["fast"]` for that key of a constant object; anything else for itself."""
    kind = node.type
    if parser.is_string_literal(node, table.language):
        return [Value(_unquoted(table.text(node)), True, True)]
    if kind in _CONSTANTS:
        return [Value(table.text(node), False, True)]
    if depth < _VALUE_DEPTH:
        expanded = _expand(node, table, depth)
        if expanded:
            return expanded
    return [Value(table.text(node), False, False)]


def _expand(node: Node, table: NameTable, depth: int) -> list[Value]:
    kind = node.type
    if kind in _NAMES:
        return [v for value in _reaching(table.assigned(table.text(node), node), node)
                for v in values_of(value, table, depth + 1)]
    if kind in _CONDITIONALS:
        condition = node.child_by_field_name("condition")
        branches = [node.child_by_field_name("consequence"), node.child_by_field_name("alternative")]
        if branches == [None, None] and len(node.named_children) == 3:  # Python: a if c else b
            condition = node.named_children[1]
            branches = [node.named_children[0], node.named_children[2]]
        taken = truth(condition, table) if condition is not None else None
        if taken is not None:
            branches = [branches[0] if taken else branches[1]]
        return [v for branch in branches if branch is not None for v in values_of(branch, table, depth + 1)]
    if kind in ("parenthesized_expression",) and node.named_children:
        return values_of(node.named_children[0], table, depth + 1)
    if kind in ("binary_expression", "binary_operator") and len(node.named_children) == 2:
        operator = node.child_by_field_name("operator")
        if operator is not None and table.text(operator) in ("&&", "||"):
            # `verify && false` is false and `x || true` true, whatever the other side is
            absorbing = "false" if table.text(operator) == "&&" else "true"
            sides = [values_of(child, table, depth + 1) for child in node.named_children]
            if any(side and all(v.constant and v.text == absorbing for v in side) for side in sides):
                return [Value(absorbing, False, True)]
            return []
        if operator is None or table.text(operator) != "+":
            return []
        left, right = (values_of(child, table, depth + 1) for child in node.named_children)
        if len(left) == 1 and len(right) == 1 and left[0].literal and right[0].literal:
            return [Value(left[0].text + right[0].text, True, True)]
        return []
    if kind == "method_invocation":
        return _java_conversion(node, table, depth)
    if kind == "object_creation_expression":  # new StringBuilder("AES"), new String("x")
        created = node.child_by_field_name("type")
        arguments = node.child_by_field_name("arguments")
        if created is not None and table.text(created) in ("StringBuilder", "StringBuffer", "String") \
                and arguments is not None and len(arguments.named_children) == 1:
            return values_of(arguments.named_children[0], table, depth + 1)
        return []
    if kind in ("member_expression", "subscript"):
        return _member_value(node, table, depth)
    if kind == "subscript_expression":
        return _member_value(node, table, depth)
    if kind == "call_expression":
        return _js_join(node, table, depth)
    return []


def _js_join(call: Node, table: NameTable, depth: int) -> list[Value]:
    """`["sha", "1"].join("")` (or a name holding that array): the constant string it makes."""
    function, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    if function is None or arguments is None or function.type != "member_expression" \
            or _method_name(call, table) != "join" or len(arguments.named_children) > 1:
        return []
    separator = [Value(",", True, True)]
    if arguments.named_children:
        separator = values_of(arguments.named_children[0], table, depth + 1)
    array = function.child_by_field_name("object")
    if array is not None and array.type in _NAMES:
        reaching = _reaching(table.assigned(table.text(array), array), array)
        array = reaching[0] if len(reaching) == 1 and not _mutated(table, array) else None
    if array is None or array.type != "array" or len(separator) != 1 or not separator[0].literal:
        return []
    parts = [values_of(element, table, depth + 1) for element in array.named_children]
    if not all(len(part) == 1 and part[0].literal for part in parts):
        return []
    return [Value(separator[0].text.join(part[0].text for part in parts), True, True)]


def _mutated(table: NameTable, name: Node) -> bool:
    """Whether the scope around `name` changes the array it names in place (push, splice...)."""
    scope = table.scope_of(name)
    text = table.source[scope.start_byte : scope.end_byte]
    pattern = rf"\b{re2.escape(table.text(name))}\s*(?:\.\s*(?:push|pop|shift|unshift|splice|reverse|sort|fill)\b|\[)"
    return re2.search(pattern.encode(), text) is not None


_TO_BYTES = frozenset({"getBytes", "toCharArray"})


def _java_conversion(node: Node, table: NameTable, depth: int) -> list[Value]:
    """Java: `"pw".getBytes()` and `"pw".toCharArray()` hold the string they convert, a setting read
    with a default (`props.getProperty("alg", "MD5")`) that default; `secret()`,
    a method of the same file with no parameters whose body is `return "...";`, what it returns."""
    name, receiver = node.child_by_field_name("name"), node.child_by_field_name("object")
    arguments = node.child_by_field_name("arguments")
    method = table.text(name) if name is not None else ""
    args = arguments.named_children if arguments is not None else []
    if receiver is not None and (method in _TO_BYTES or (method == "toString" and not args)):
        return values_of(receiver, table, depth + 1)
    if receiver is not None and method == "append" and len(args) == 1:  # a StringBuilder of constants
        left, right = values_of(receiver, table, depth + 1), values_of(args[0], table, depth + 1)
        if len(left) == 1 and len(right) == 1 and left[0].literal and right[0].literal:
            return [Value(left[0].text + right[0].text, True, True)]
        return []
    if receiver is not None and method == "get" and len(args) == 1 and receiver.type == "identifier":
        return _map_entry(receiver, args[0], table, depth)
    if receiver is not None and method == "getProperty" and len(args) == 2:
        # props.getProperty("cipher", "DES"): the value the code uses wherever the setting is absent
        return values_of(args[1], table, depth + 1)
    if receiver is not None:
        return []
    if arguments is None or arguments.named_children:
        return []
    root = node
    while root.parent is not None:
        root = root.parent
    returned = list(_constant_methods(root, table).get(method, ()))
    return [v for r in returned for v in values_of(r, table, depth + 1)] if len(returned) == 1 else []


def _map_entry(name: Node, key: Node, table: NameTable, depth: int) -> list[Value]:
    """`ALGS.get("default")` where ALGS = Map.of("legacy", "MD2", "default", "MD5"): "MD5"."""
    wanted = values_of(key, table, depth + 1)
    if len(wanted) != 1 or not wanted[0].literal:
        return []
    for value in _reaching(table.assigned(table.text(name), name), name):
        method = value.child_by_field_name("name") if value.type == "method_invocation" else None
        arguments = value.child_by_field_name("arguments")
        if method is None or table.text(method) != "of" or arguments is None:
            continue
        pairs = arguments.named_children
        for index in range(0, len(pairs) - 1, 2):
            found = values_of(pairs[index], table, depth + 1)
            if len(found) == 1 and found[0].literal and found[0].text == wanted[0].text:
                return values_of(pairs[index + 1], table, depth + 1)
    return []


def _constant_methods(root: Node, table: NameTable) -> dict[str, list[Node]]:
    """Methods without parameters whose whole body is one return statement, by name (walked only
    when such a call is an argument a rule looks at)."""
    found: dict[str, list[Node]] = {}
    stack = [root]
    while stack:
        current = stack.pop()
        if current.type == "method_declaration":
            params = current.child_by_field_name("parameters")
            body = current.child_by_field_name("body")
            label = current.child_by_field_name("name")
            if params is not None and not params.named_children and body is not None and label is not None \
                    and len(body.named_children) == 1 and body.named_children[0].type == "return_statement" \
                    and body.named_children[0].named_children:
                found.setdefault(table.text(label), []).append(body.named_children[0].named_children[0])
            continue
        stack.extend(current.named_children)
    return found


def _reaching(assigned: list[Node], use: Node) -> list[Node]:
    """The assignment a use sees in straight-line code: the last one before it; all of them
    when none comes before (a field or constant declared further down)."""
    before = [value for value in assigned if value.start_byte < use.start_byte]
    return before[-1:] if before else assigned


_TRUE = frozenset({"true", "True"})
_FALSE = frozenset({"false", "False", "None", "null", "nil"})


def truth(condition: Node, table: NameTable) -> bool | None:
    """A condition's value where it is a boolean constant or a name holding one (a LEGACY =
    false flag); None when it is anything else."""
    while condition.type in ("parenthesized_expression", "condition_clause") and condition.named_children:
        condition = condition.named_children[-1]
    found = {value.text for value in values_of(condition, table) if value.constant}
    if len(found) != 1 or len(values_of(condition, table)) != 1:
        return None
    text = found.pop()
    return True if text in _TRUE else False if text in _FALSE else None


def _member_value(node: Node, table: NameTable, depth: int) -> list[Value]:
    """`OBJ.key` or `OBJ["key"]` where OBJ is assigned an object or dict literal holding key."""
    obj = node.child_by_field_name("object") or node.child_by_field_name("value")
    key_node = node.child_by_field_name("property") or node.child_by_field_name("index") or node.child_by_field_name("subscript")
    if obj is None or key_node is None or obj.type not in _NAMES:
        return []
    key = _unquoted(table.text(key_node))
    found = []
    for value in table.assigned(table.text(obj), obj):
        if value.type in _OBJECTS:
            member = _property(value, key, table)
            if isinstance(member, Node):
                found.extend(values_of(member, table, depth + 1))
    return found


def _passes(condition: ArgCondition, value: Value) -> bool:
    text = value.text
    if condition.equals is not None and text not in condition.equals:
        return False
    if condition.not_equals is not None and text in condition.not_equals:
        return False
    if condition.matches is not None and not condition.matches.search(text):
        return False
    if condition.not_matches is not None and condition.not_matches.search(text):
        return False
    if condition.string_literal is not None and value.literal != condition.string_literal:
        return False
    if condition.constant is not None and value.constant != condition.constant:
        return False
    return True


def _unquoted(text: str) -> str:
    stripped = text.lstrip(_STRING_PREFIX)
    for quote in ('"""', "'''", '"', "'", "`"):
        if len(stripped) >= 2 * len(quote) and stripped.startswith(quote) and stripped.endswith(quote):
            return stripped[len(quote) : -len(quote)]
    return text
