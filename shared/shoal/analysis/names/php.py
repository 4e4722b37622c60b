"""PHP names: `use` (classes and `use function`), the file's namespace, `new`, typed parameters,
assigned variables and `$this->x` properties. Namespaces are dotted (`Foo\\Bar` -> `Foo.Bar`),
variables keep their `$`; a function not imported is global, as PHP falls back to it."""

from __future__ import annotations

from tree_sitter import Node

from shoal.analysis.names import NameTable, join

SCOPES = frozenset({
    "program", "function_definition", "method_declaration", "anonymous_function",
    "arrow_function", "declaration_list",
})
COLLECT = """
(namespace_definition) @namespace
(namespace_use_declaration) @use
(assignment_expression) @assign
(simple_parameter) @parameter
(property_promotion_parameter) @parameter
(property_declaration) @property
"""
_SPECIAL = frozenset({"self", "static", "parent"})


def collect(table: NameTable, captures: dict[str, list[Node]]) -> None:
    for node in captures.get("namespace", ()):
        name = node.child_by_field_name("name")
        if name is not None:
            table.extra.setdefault("namespace", []).append(_dotted(table, name))
    for node in captures.get("use", ()):
        _use(table, node)
    for node in captures.get("assign", ()):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            continue
        if left.type == "variable_name":
            table.bind(table.scope_of(node), table.text(left), right)
            table.assign(table.scope_of(node), table.text(left), right)
        elif left.type == "member_access_expression":
            _property(table, left, right)
    for node in captures.get("parameter", ()):
        declared, name = node.child_by_field_name("type"), node.child_by_field_name("name")
        if declared is not None and name is not None:
            table.bind(table.scope_of(node), table.text(name), declared)
            if node.type == "property_promotion_parameter":
                cls = _enclosing_class(node)
                if cls is not None:
                    table.bind(cls, "$this->" + table.text(name).lstrip("$"), declared)
    for node in captures.get("property", ()):
        declared = node.child_by_field_name("type")
        cls = _enclosing_class(node)
        for element in node.named_children:
            if element.type != "property_element" or cls is None:
                continue
            name = next((c for c in element.named_children if c.type == "variable_name"), None)
            value = element.child_by_field_name("default_value")
            for bound in (declared, value):
                if name is not None and bound is not None:
                    table.bind(cls, "$this->" + table.text(name).lstrip("$"), bound)


def _property(table: NameTable, left: Node, right: Node) -> None:
    obj, name = left.child_by_field_name("object"), left.child_by_field_name("name")
    cls = _enclosing_class(left)
    if obj is not None and name is not None and table.text(obj) == "$this" and cls is not None:
        table.bind(cls, "$this->" + table.text(name), right)


def _use(table: NameTable, node: Node) -> None:
    # `use function` / `use const`: the keyword is on the declaration (a group) or on each clause.
    declared = _use_kind(node)
    prefix_node = next((c for c in node.named_children if c.type == "namespace_name"), None)
    prefix = _dotted(table, prefix_node) + "." if prefix_node is not None else ""  # use A\{B, C}
    clauses = [c for c in node.named_children if c.type == "namespace_use_clause"]
    clauses += [c for g in node.named_children if g.type == "namespace_use_group" for c in g.named_children
                if c.type == "namespace_use_clause"]
    for clause in clauses:
        target = next((c for c in clause.named_children if c.type in ("qualified_name", "name")), None)
        alias = clause.child_by_field_name("alias")
        kind = _use_kind(clause) or declared
        if target is None or kind == "const":
            continue
        kind = "function:" if kind == "function" else ""
        full = prefix + _dotted(table, target)
        local = table.text(alias) if alias is not None else full.rsplit(".", 1)[-1]
        table.bind(table.scope_of(node), kind + local, full)


def _use_kind(node: Node) -> str:
    return next((c.type for c in node.children if c.type in ("function", "const")), "")


def _dotted(table: NameTable, node: Node) -> str:
    return table.text(node).strip().lstrip("\\").replace("\\", ".")


def _enclosing_class(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type == "declaration_list":
            return current
        current = current.parent
    return None


def _class_name(table: NameTable, node: Node) -> str:
    """A class name as PHP resolves it: fully qualified, through a `use`, or in the namespace."""
    text = table.text(node).strip()
    if text.startswith("\\"):
        return _dotted(table, node)
    dotted = _dotted(table, node)
    if dotted in _SPECIAL:
        return dotted
    first, _, rest = dotted.partition(".")
    used = table.lookup(first, node)
    if used is not None:
        return f"{used}.{rest}" if rest else used
    namespace = table.extra.get("namespace")
    return f"{namespace[0]}.{dotted}" if namespace else dotted


def qualify(table: NameTable, node: Node) -> str | None:
    kind = node.type
    if kind == "variable_name":
        text = table.text(node)
        return table.lookup(text, node) or text
    if kind in ("name", "qualified_name", "named_type"):
        if node.parent is not None and node.parent.type == "function_call_expression":
            text = _dotted(table, node)
            return table.lookup("function:" + text, node) or text
        inner = node.named_children[0] if kind == "named_type" and node.named_children else node
        return _class_name(table, inner)
    if kind == "optional_type":
        wrapped = node.named_children[0] if node.named_children else None
        return qualify(table, wrapped) if wrapped is not None else None
    if kind == "function_call_expression":
        function = node.child_by_field_name("function")
        return qualify(table, function) if function is not None else None
    if kind in ("member_call_expression", "nullsafe_member_call_expression", "member_access_expression",
                "nullsafe_member_access_expression"):
        obj, name = node.child_by_field_name("object"), node.child_by_field_name("name")
        if obj is None or name is None:
            return None
        if table.text(obj) == "$this":
            cls = _enclosing_class(node)
            found = table.lookup("$this->" + table.text(name), cls) if cls is not None else None
            if found is not None and kind.endswith("access_expression"):
                return found
            if found is None and kind.endswith("access_expression"):
                return "$this." + table.text(name)
        return join(_receiver(table, obj), table.text(name))
    if kind in ("scoped_call_expression", "class_constant_access_expression"):
        scope = node.child_by_field_name("scope") or (node.named_children[0] if node.named_children else None)
        name = node.child_by_field_name("name") or (node.named_children[-1] if node.named_children else None)
        if scope is None or name is None:
            return None
        return join(qualify(table, scope), table.text(name))
    if kind == "object_creation_expression":
        created = next((c for c in node.named_children if c.type in ("name", "qualified_name")), None)
        return _class_name(table, created) if created is not None else None
    if kind == "parenthesized_expression":
        enclosed = node.named_children[0] if node.named_children else None
        return qualify(table, enclosed) if enclosed is not None else None
    return None


def _receiver(table: NameTable, node: Node) -> str | None:
    if node.type in ("member_call_expression", "scoped_call_expression", "function_call_expression",
                     "object_creation_expression"):
        return table.type_of(node)
    return qualify(table, node)


def value_type(table: NameTable, node: Node) -> str | None:
    return qualify(table, node)
