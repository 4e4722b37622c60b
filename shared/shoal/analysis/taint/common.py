"""What the Go, PHP and Ruby adapters share: constant folding of operators, conditions that prove a
value known (comparison with a constant, an allow-list lookup), if/else-if chains, conditional
expressions, container literals and reads. Each adapter says how its grammar spells these; the
decisions are made here once."""

from __future__ import annotations

import operator
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tree_sitter import Node

from shoal.analysis.taint.core import (
    NOT_CONST,
    SOME_CONST,
    UNKNOWN,
    Interpreter,
    Value,
    join,
    merge_taints,
    text,
    union,
)

_FOLD: dict[str, Callable[[Any, Any], Any]] = {"+": operator.add, "-": operator.sub, "*": operator.mul}
COMPARISONS = frozenset({"==", "!=", "===", "!==", "<", ">", "<=", ">=", "<=>", "&&", "||", "and", "or",
                         "xor", "=~", "!~", "instanceof"})
EQUALITY = frozenset({"==", "===", "eql?", "equal?"})
INEQUALITY = frozenset({"!=", "!==", "<>"})
_BOTH = ("&&", "and")
_EITHER = ("||", "or")


@dataclass(frozen=True)
class Arm:
    """One arm of an if / else-if / else chain: its condition (None for the else) and body."""

    condition: Node | None
    body: Node | None


class CommonInterpreter(Interpreter):
    """The shared half of the Go, PHP and Ruby interpreters; `key_of`, `_eval` and `exec` are theirs."""

    concat_ops: frozenset[str] = frozenset({"+"})  # string concatenation (PHP: ".")
    PARENTHESES = ""  # the grammar's parenthesised expression, which `unwrap` removes
    BINARY = ""  # the grammar's binary expression (fields left, operator, right)

    def key_of(self, node: Node) -> str | None:
        raise NotImplementedError

    def member_source(self, node: Node, root: Node | None, last: str) -> Value | None:
        """The source a member read (`$request->query`, `r.URL.Path`) is, if any. Its qualified
        name ends with the member as written, so one that no source pattern ends with is not
        resolved at all: resolving builds the file's name table, the dearest step here."""
        lasts = _source_lasts(self.spec)
        if lasts is not None and last not in lasts:
            return None
        return self.read_source(node, root, last)

    def name_source(self, node: Node, key: str) -> Value | None:
        """The source a name the function never assigned is, if any (`$_GET`, `params`): only
        a name some source pattern ends with is resolved (`$this`, `fmt` and globals are not)."""
        lasts = _source_lasts(self.spec)
        if lasts is not None and key not in lasts:
            return None
        return self.read_source(node, node, key)

    # ------------------------------------------------------------------ operators
    def binary(self, op: str, left: Value, right: Value) -> Value:
        """Constants folded (numbers, and strings by the concatenation operator); a comparison is
        a boolean whatever its operands hold; anything else carries both operands' taints."""
        taints = merge_taints(left.taints, right.taints)
        if op in COMPARISONS:
            return Value(SOME_CONST)
        if not (left.constant and right.constant):
            return Value(NOT_CONST, taints)
        a, b = left.const, right.const
        if a is SOME_CONST or b is SOME_CONST:
            return Value(SOME_CONST, taints)
        if op in self.concat_ops and (isinstance(a, str) or isinstance(b, str)):
            return Value(to_text(a) + to_text(b), taints)
        fold = _FOLD.get(op)
        if fold is not None and type(a) is int and type(b) is int:
            return Value(fold(a, b), taints)
        return Value(SOME_CONST, taints)

    # ------------------------------------------------------------------ conditions
    def refinements(self, condition: Node | None) -> tuple[list[str], list[str]]:
        """Variables a condition proves hold a known value when it is true, and when it is false:
        `x == "a"`, `x != "a"` (the else), an allow-list check, negations of those."""
        if condition is None:
            return [], []
        negated = self.negation(condition)
        if negated is not None:
            true, false = self.refinements(negated)
            return false, true
        inner = self.unwrap(condition)
        if inner is not condition:
            return self.refinements(inner)
        compared = self.comparison(condition)
        if compared is not None and compared[0] in _BOTH + _EITHER:
            op, left, right = compared
            (left_true, left_false), (right_true, right_false) = self.refinements(left), self.refinements(right)
            if op in _BOTH:  # a && b: both hold when true; when false, only what both arms prove
                return left_true + right_true, [k for k in left_false if k in right_false]
            return [k for k in left_true if k in right_true], left_false + right_false
        if compared is not None:
            op, left, right = compared
            key = self._compared_key(left, right)
            if key is not None and op in EQUALITY:
                return [key], []
            if key is not None and op in INEQUALITY:
                return [], [key]
            return [], []
        checked = self.allow_list(condition)
        return ([checked], []) if checked is not None else ([], [])

    def _compared_key(self, left: Node, right: Node) -> str | None:
        for variable, other in ((left, right), (right, left)):
            key = self.key_of(variable)
            if key is not None and self.is_constant(other):
                return key
        return None

    def is_constant(self, node: Node) -> bool:
        """A literal, or a name holding an untainted constant."""
        key = self.key_of(node)
        value = self.read(key) if key is not None else self.peek(node) or self.eval(node)
        return value is not None and value.constant and not value.taints

    def peek(self, node: Node) -> Value | None:
        """The value of a literal without side effects; None for anything else."""
        return None

    def unwrap(self, node: Node) -> Node:
        """A condition without its parentheses."""
        while node.type == self.PARENTHESES and len(node.named_children) == 1:
            node = node.named_children[0]
        return node

    def negation(self, node: Node) -> Node | None:
        """The operand of `!x` / `not x`; None for anything else."""
        return None

    def comparison(self, node: Node) -> tuple[str, Node, Node] | None:
        """(operator, left, right) of a binary expression; None for anything else."""
        if node.type != self.BINARY:
            return None
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return None
        return text(node.child_by_field_name("operator")), left, right

    def allow_list(self, node: Node) -> str | None:
        """The variable an allow-list lookup checks (`in_array($x, $allowed)`,
        `ALLOWED.include?(x)`, `slices.Contains(allowed, x)`); None for anything else."""
        return None

    def truth(self, value: Value) -> bool | None:
        if value.taints or not value.constant or value.const is SOME_CONST:
            return None
        if isinstance(value.const, bool):
            return value.const
        return None

    def chain(self, arms: Sequence[Arm]) -> bool:
        """An if / else-if / else chain: conditions evaluated in order, a constant one picks its
        arm, each arm runs with what the conditions before it and its own prove; without an else,
        the state before may fall through."""
        runnable: list[Callable[[], bool]] = []
        proven_false: list[str] = []
        has_else = False
        for arm in arms:
            if arm.condition is None:
                has_else = True
                runnable.append(self._arm(list(proven_false), [], arm.body))
                break
            folded = self.truth(self.eval(arm.condition))
            when_true, when_false = self.refinements(arm.condition)
            if folded is False:
                continue
            runnable.append(self._arm(list(proven_false), when_true, arm.body))
            if folded is True:
                has_else = True
                break
            proven_false.extend(when_false)
        if not has_else:
            keys = list(proven_false)
            runnable.append(lambda: self.proven(keys, lambda: True))
        if len(runnable) == 1:
            return runnable[0]()
        return self.branch(runnable, fallthrough_without_arm=False)

    def proven(self, keys: list[str], run: Callable[[], bool]) -> bool:
        """`run` with `keys` known to hold constants (what a condition proved)."""
        self.clean(keys)
        return run()

    def _arm(self, before: list[str], own: list[str], body: Node | None) -> Callable[[], bool]:
        def run() -> bool:
            self.clean(before + own)
            return self.exec(body) if body is not None else True
        return run

    def conditional(self, condition: Node | None, yes: Node | None, no: Node | None) -> Value:
        """`c ? a : b`: the arm a constant condition picks, else both joined, each evaluated
        with what the condition proves."""
        folded = self.truth(self.eval(condition)) if condition is not None else None
        if folded is True:
            return self.eval(yes) if yes is not None else UNKNOWN
        if folded is False:
            return self.eval(no) if no is not None else Value(None)
        when_true, when_false = self.refinements(condition)
        saved = self.env
        self.env = dict(saved)
        self.clean(when_true)
        first = self.eval(yes if yes is not None else condition)  # `a ?: b` gives a
        self.env = dict(saved)
        self.clean(when_false)
        second = self.eval(no) if no is not None else Value(None)
        self.env = saved
        return join(first, second)

    # ------------------------------------------------------------------ containers
    def sequence(self, items: Sequence[Value]) -> Value:
        """A list literal: a tuple constant when every item is one, else its items' taints."""
        if all(i.constant and i.const is not SOME_CONST and not i.taints for i in items):
            return Value(tuple(i.const for i in items))
        return union(items)

    def mapping(self, pairs: Sequence[tuple[Value, Value]]) -> Value:
        """A map literal: a constant dict when keys and values are constants, else every taint."""
        if all(k.constant and v.constant and k.const is not SOME_CONST and v.const is not SOME_CONST
               and not k.taints and not v.taints and _hashable(k.const) for k, v in pairs):
            return Value(FrozenDict((k.const, v.const) for k, v in pairs))
        return union([v for pair in pairs for v in pair])

    def element(self, container: Value, index: Value) -> Value:
        """`c[i]`: a constant container read with a constant index gives the element (or nothing
        known when it is not there); otherwise what the container holds (an index is a key, not
        the data: `m[userInput]` reads a stored value)."""
        if not container.taints and index.constant and index.const is not SOME_CONST:
            const = container.const
            if isinstance(const, dict) and _hashable(index.const):
                return Value(const[index.const]) if index.const in const else Value(SOME_CONST)
            if isinstance(const, tuple) and type(index.const) is int:
                try:
                    return Value(const[index.const])
                except IndexError:
                    return Value(SOME_CONST)
        return Value(NOT_CONST, container.taints)


    def iterated(self, container: Value) -> Value:
        """What a loop over `container` gives each time: a constant of a constant container,
        else whatever it holds."""
        if not container.taints and isinstance(container.const, (tuple, dict)):
            return Value(SOME_CONST)
        return Value(NOT_CONST, container.taints)


_LASTS: weakref.WeakKeyDictionary[Any, frozenset[str] | None] = weakref.WeakKeyDictionary()


def _source_lasts(spec: Any) -> frozenset[str] | None:
    """The last segments of the spec's named sources; None when one ends with `*`."""
    if spec not in _LASTS:
        lasts = {s.pattern.last for s in spec.sources if s.pattern}
        _LASTS[spec] = None if None in lasts else frozenset(lasts)
    return _LASTS[spec]


class FrozenDict(dict):  # type: ignore[type-arg]
    """A constant map; hashable by identity so it can sit in a Value."""

    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


