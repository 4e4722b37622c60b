"""Ruby names: constants as written (`OpenSSL::Cipher` -> `OpenSSL.Cipher`), local and instance
variables assigned a value (`X.new` is an X), and the libraries `require`d (kept in
`NameTable.extra["requires"]`: a require binds no name in Ruby)."""

from __future__ import annotations

from tree_sitter import Node

from shoal.analysis.names import NameTable, join

SCOPES = frozenset({"program", "method", "singleton_method", "class", "module", "lambda"})
COLLECT = """
(assignment) @assign
(call method: (identifier) @method arguments: (argument_list . (string) @library)
  (#any-of? @method "require" "require_relative"))
"""
_CLASSES = frozenset({"class", "module"})


def collect(table: NameTable, captures: dict[str, list[Node]]) -> None:
    for node in captures.get("library", ()):
        table.extra.setdefault("requires", []).append(table.text(node).strip("'\""))
    for node in captures.get("assign", ()):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            continue
        if left.type in ("identifier", "constant"):
            table.bind(table.scope_of(node), table.text(left), right)
            table.assign(table.scope_of(node), table.text(left), right)
        elif left.type == "instance_variable":
            table.bind(_enclosing_class(node) or table.scope_of(node), table.text(left), right)


def _enclosing_class(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type in _CLASSES:
            return current
        current = current.parent
    return None


def qualify(table: NameTable, node: Node) -> str | None:
    kind = node.type
    if kind in ("identifier", "instance_variable"):
        text = table.text(node)
        return table.lookup(text, node) or text
    if kind == "constant":
        return table.text(node)
    if kind == "scope_resolution":
        scope, name = node.child_by_field_name("scope"), node.child_by_field_name("name")
        if name is None:
            return None
        return table.text(name) if scope is None else join(qualify(table, scope), table.text(name))
    if kind == "call":
        receiver, method = node.child_by_field_name("receiver"), node.child_by_field_name("method")
        if method is None:
            return None
        if receiver is None:
            return table.text(method)
        return join(_receiver(table, receiver), table.text(method))
    if kind in ("parenthesized_statements",):
        inner = node.named_children[0] if node.named_children else None
        return qualify(table, inner) if inner is not None else None
    return None


def _receiver(table: NameTable, node: Node) -> str | None:
    if node.type == "call":
        return table.type_of(node)
    return qualify(table, node)


def value_type(table: NameTable, node: Node) -> str | None:
    name = qualify(table, node)
    if node.type == "call" and name is not None and name.endswith(".new"):
        return name[: -len(".new")]  # Foo.new is a Foo
    return name
