"""Go names: imports (aliased, default name from the path, dot and blank imports skipped) and the
stated or initialised types of variables and parameters. A package is named by its import path
(`crypto/md5.New`, `math/rand.Intn`); a pointer stands for its element type."""

from __future__ import annotations

import re

from tree_sitter import Node

from shoal.analysis.names import NameTable, join

SCOPES = frozenset({"source_file", "function_declaration", "method_declaration", "func_literal"})
COLLECT = """
(import_spec) @import
(short_var_declaration) @short
(var_spec) @var
(parameter_declaration) @parameter
"""
_VERSION = re.compile(r"^v[0-9]+$")


def collect(table: NameTable, captures: dict[str, list[Node]]) -> None:
    for node in captures.get("import", ()):
        _import(table, node)
    for node in captures.get("short", ()):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None:
            _pair(table, node, left.named_children, right.named_children)
    for node in captures.get("var", ()):
        names = node.children_by_field_name("name")
        declared = node.child_by_field_name("type")
        if declared is not None:
            for name in names:
                table.bind(table.scope_of(node), table.text(name), declared)
        value = node.child_by_field_name("value")
        if value is not None:
            _pair(table, node, names, value.named_children)
    for node in captures.get("parameter", ()):
        declared = node.child_by_field_name("type")
        if declared is not None:
            for name in node.children_by_field_name("name"):
                table.bind(table.scope_of(node), table.text(name), declared)


def _pair(table: NameTable, at: Node, names: list[Node], values: list[Node]) -> None:
    if len(names) != len(values):
        return  # x, err := f(): which result is which type is not stated
    for name, value in zip(names, values):
        if name.type == "identifier":
            table.bind(table.scope_of(at), table.text(name), value)
            table.assign(table.scope_of(at), table.text(name), value)


def _import(table: NameTable, node: Node) -> None:
    path_node = node.child_by_field_name("path")
    if path_node is None:
        return
    path = table.text(path_node).strip('"`')
    name = node.child_by_field_name("name")
    if name is not None and name.type in ("dot", "blank_identifier"):
        return
    local = table.text(name) if name is not None else _package_name(path)
    table.bind(table.scope_of(node), local, path)


def _package_name(path: str) -> str:
    """The package name a path is imported as by default: its last element, without a major
    version (`github.com/x/y/v2` -> y) or a gopkg.in suffix (`gopkg.in/yaml.v3` -> yaml)."""
    parts = [p for p in path.split("/") if p]
    if len(parts) > 1 and _VERSION.match(parts[-1]):
        parts.pop()
    last = parts[-1] if parts else path
    if path.startswith("gopkg.in/"):
        last = last.split(".", 1)[0]
    return last.removeprefix("go-").replace("-", "_")


def qualify(table: NameTable, node: Node) -> str | None:
    kind = node.type
    if kind in ("identifier", "package_identifier", "type_identifier", "field_identifier"):
        text = table.text(node)
        return table.lookup(text, node) or text
    if kind == "selector_expression":
        operand, field = node.child_by_field_name("operand"), node.child_by_field_name("field")
        if operand is None or field is None:
            return None
        return join(_receiver(table, operand), table.text(field))
    if kind == "qualified_type":
        package, name = node.child_by_field_name("package"), node.child_by_field_name("name")
        if package is None or name is None:
            return None
        return join(qualify(table, package), table.text(name))
    if kind == "call_expression":
        function = node.child_by_field_name("function")
        return qualify(table, function) if function is not None else None
    if kind == "composite_literal":
        literal_type = node.child_by_field_name("type")
        return qualify(table, literal_type) if literal_type is not None else None
    if kind in ("pointer_type", "parenthesized_expression", "parenthesized_type", "generic_type"):
        inner = node.named_children[0] if node.named_children else None
        return qualify(table, inner) if inner is not None else None
    if kind == "unary_expression":  # &T{...}
        operand = node.child_by_field_name("operand")
        return qualify(table, operand) if operand is not None else None
    return None


def _receiver(table: NameTable, node: Node) -> str | None:
    if node.type == "call_expression":
        return table.type_of(node)
    return qualify(table, node)


def value_type(table: NameTable, node: Node) -> str | None:
    return qualify(table, node)
