"""Per-function metrics from one query pass: a sorted sweep over the captured byte ranges.

Every capture is reduced to (start, end, kind); sorting puts each node after the nodes that
enclose it, so a stack of open ranges tells, for every capture, its innermost enclosing
function and how many control blocks of that function are open around it. No Python code walks
the tree, so the cost grows with the number of captures, not with the number of nodes.

max_nesting is our own measure: the deepest stack of control blocks (branches, loops, try,
with/using, switch/match) inside the function's own body. Blocks of nested functions belong to
those functions, and a nested function starts again from zero.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tree_sitter import Node

from shoal.models import FunctionMetrics

# Sort order matters for equal ranges: an ignored region must open before what it hides.
_IGNORE, _FUNCTION, _NESTING, _DECISION, _PARAM = range(5)
_KINDS = (
    ("ignore", _IGNORE),
    ("function", _FUNCTION),
    ("nesting", _NESTING),
    ("decision", _DECISION),
    ("param", _PARAM),
)

@dataclass
class _Open:
    node: Node
    ccn: int = 1
    params: int = 0
    max_nesting: int = 0
    children: list[int] | None = None


def name_node(node: Node) -> Node | None:
    """The declared name; C declarators and `const f = () => ...` bindings are looked through."""
    name = node.child_by_field_name("name")
    if name is not None:
        return name  # most languages: no declarator to look through
    declarator = node.child_by_field_name("declarator")
    # C and C++ bury the name under pointer and function declarators; a bounded descent suffices.
    for _ in range(8):
        if name is not None or declarator is None:
            break
        name = declarator.child_by_field_name("name") if declarator.type != "function_declarator" else None
        inner = declarator.child_by_field_name("declarator")
        if inner is None:
            name = declarator
        declarator = inner
    if name is None and node.parent is not None and node.parent.type == "variable_declarator":
        name = node.parent.child_by_field_name("name")
    return name


def _name_text(name: Node | None, source: bytes) -> str:
    # Sliced from the bytes, not name.text: the tree may have been parsed through a callback.
    if name is None:
        return "(anonymous)"
    return source[name.start_byte : name.end_byte].decode("utf-8", "replace")


def _first_line(node: Node, name: Node | None) -> int:
    """The line of the name when it lies inside the function: lizard starts C functions there,
    after the return type, and Java methods after their annotations."""
    if name is not None and node.start_byte <= name.start_byte < node.end_byte:
        return name.start_point[0] + 1
    return node.start_point[0] + 1


def measure_functions(
    caps: dict[str, list[Node]],
    source: bytes,
    code_prefix: Callable[[], Sequence[int]],
) -> tuple[FunctionMetrics, ...]:
    """Functions in source order; `code_prefix` is only called when there is a function."""
    if not caps.get("function"):
        return ()
    opened = _sweep(caps)
    prefix = code_prefix()
    return tuple(_finish(entry, opened, prefix, source) for entry in opened)


def _sweep(caps: dict[str, list[Node]]) -> list[_Open]:
    items: list[tuple[int, int, int, int]] = []
    nodes: list[Node] = []
    for capture, kind in _KINDS:
        for node in caps.get(capture, ()):
            items.append((node.start_byte, -node.end_byte, kind, len(nodes)))
            nodes.append(node)
    items.sort()
    opened: list[_Open] = []
    # (end byte, index into `opened` or -1 outside functions, nesting depth within that function)
    stack: list[tuple[int, int, int]] = []
    for start, neg_end, kind, index in items:
        while stack and stack[-1][0] <= start:
            stack.pop()
        owner, depth = (stack[-1][1], stack[-1][2]) if stack else (-1, 0)
        if kind == _IGNORE:
            # Nothing inside counts for any function (e.g. an #if condition, one token to lizard).
            stack.append((-neg_end, -1, 0))
        elif kind == _FUNCTION:
            if owner >= 0:
                parent = opened[owner]
                parent.children = (parent.children or []) + [len(opened)]
            stack.append((-neg_end, len(opened), 0))
            opened.append(_Open(nodes[index]))
        elif owner < 0:
            continue
        elif kind == _NESTING:
            entry = opened[owner]
            entry.max_nesting = max(entry.max_nesting, depth + 1)
            stack.append((-neg_end, owner, depth + 1))
        elif kind == _DECISION:
            opened[owner].ccn += 1
        else:
            opened[owner].params += 1
    return opened


def _last_line(node: Node) -> int:
    row, column = node.end_point
    # A node that ends right after a newline ends on the line before, as lizard sees it.
    return row if column == 0 and row > node.start_point[0] else row + 1


def _finish(entry: _Open, opened: list[_Open], prefix: Sequence[int], source: bytes) -> FunctionMetrics:
    node = entry.node
    name = name_node(node)
    start = _first_line(node, name)
    end = _last_line(node)
    nloc = _code_lines(prefix, start, end)
    for child_index in entry.children or ():
        child = opened[child_index].node
        # The line a nested function starts on still counts for its parent, as in lizard.
        nloc -= _code_lines(prefix, child.start_point[0] + 2, _last_line(child))
    return FunctionMetrics(
        name=_name_text(name, source),
        start_line=start,
        end_line=end,
        start_col=node.start_point[1] + 1,
        ccn=entry.ccn,
        nloc=max(nloc, 1),
        params=entry.params,
        max_nesting=entry.max_nesting,
    )


def _code_lines(prefix: Sequence[int], first: int, last: int) -> int:
    last = min(last, len(prefix) - 1)
    if last < first:
        return 0
    return prefix[last] - prefix[first - 1]
