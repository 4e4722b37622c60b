"""Python names: `import a.b as c`, `from a import b as c`, relative imports, assigned and
annotated variables, typed parameters, `with ... as x`, loop variables, and `self.x` fields of the class."""

from __future__ import annotations

from tree_sitter import Node

from shoal.analysis.names import Member, NameTable, join

SCOPES = frozenset({"module", "function_definition", "class_definition", "lambda"})
# Top-level statements whose names are collected on the first lookup inside them: every binding
# they make is in a scope of their own (NameTable.collect_by_region).
REGIONS = frozenset({"function_definition", "class_definition", "decorated_definition"})
# Names bound in a class body are not visible in its methods: only `self.x` is kept there.
_CLASS = frozenset({"class_definition"})
COLLECT = """
(import_statement) @import
(import_from_statement) @from
(assignment) @assign
(typed_parameter) @param
(typed_default_parameter) @param
(as_pattern alias: (as_pattern_target)) @as
(for_statement left: (identifier)) @for
"""


def collect(table: NameTable, captures: dict[str, list[Node]]) -> None:
    for node in captures.get("import", ()):
        _import(table, node)
    for node in captures.get("from", ()):
        _import_from(table, node)
    for node in captures.get("param", ()):
        _parameter(table, node)
    for node in captures.get("assign", ()):
        _assignment(table, node)
    for node in captures.get("as", ()):
        _as_pattern(table, node)
    for node in captures.get("for", ()):  # last: a name also assigned is typed by its assignment
        _loop_target(table, node)


def _import(table: NameTable, node: Node) -> None:
    scope = table.scope_of(node)
    for name in node.children_by_field_name("name"):
        if name.type == "aliased_import":
            target, alias = name.child_by_field_name("name"), name.child_by_field_name("alias")
            if target is not None and alias is not None:
                table.bind(scope, table.text(alias), _dotted(table, target))
        elif name.type == "dotted_name":
            first = _dotted(table, name).split(".", 1)[0]  # `import a.b` binds `a`
            table.bind(scope, first, first)


def _import_from(table: NameTable, node: Node) -> None:
    module_node = node.child_by_field_name("module_name")
    if module_node is None:
        return
    module = _module_name(table, module_node)
    scope = table.scope_of(node)
    for name in node.children_by_field_name("name"):
        if name.type == "aliased_import":
            target, alias = name.child_by_field_name("name"), name.child_by_field_name("alias")
            if target is not None and alias is not None:
                table.bind(scope, table.text(alias), _member(module, _dotted(table, target)))
        elif name.type == "dotted_name":
            text = _dotted(table, name)
            table.bind(scope, text.rsplit(".", 1)[-1], _member(module, text))
    # `from a import *`: which names it brings is not in this file; they stay as written.


def _module_name(table: NameTable, node: Node) -> str:
    if node.type != "relative_import":
        return _dotted(table, node)
    dots, module = "", ""
    for child in node.named_children:
        if child.type == "import_prefix":
            dots = table.text(child).strip()
        elif child.type == "dotted_name":
            module = _dotted(table, child)
    return _relative(table.path, dots, module)


def _relative(path: str | None, dots: str, module: str) -> str:
    """`..m` against `path`'s package (`a/b/c.py`: `a.m`); as written, dots kept, without one
    or when the dots climb above the path's top."""
    if path:
        package = path.replace("\\", "/").split("/")[:-1]
        up = len(dots) - 1
        if up <= len(package) and package[: len(package) - up]:
            base = package[: len(package) - up]
            return ".".join(base + ([module] if module else []))
    return dots + module


def _member(module: str, name: str) -> str:
    return module + name if module.endswith(".") else f"{module}.{name}"


def _dotted(table: NameTable, node: Node) -> str:
    return "".join(table.text(node).split())


def _parameter(table: NameTable, node: Node) -> None:
    annotation = node.child_by_field_name("type")
    name = node.child_by_field_name("name")
    if name is None:  # typed_parameter: the name is its first child, without a field
        name = next((c for c in node.named_children if c.type == "identifier"), None)
    if name is not None and annotation is not None:
        table.bind(table.scope_of(node), table.text(name), annotation)


def _assignment(table: NameTable, node: Node) -> None:
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    annotation = node.child_by_field_name("type")
    if left is None:
        return
    values = [v for v in (annotation, right) if v is not None]
    if left.type in ("pattern_list", "tuple_pattern") and right is not None and right.type in ("expression_list", "tuple"):
        targets, sources = left.named_children, right.named_children
        if len(targets) == len(sources):
            for target, value in zip(targets, sources):
                _bind_target(table, node, target, [value])
        return
    _bind_target(table, node, left, values)


def _bind_target(table: NameTable, statement: Node, target: Node, values: list[Node]) -> None:
    if target.type == "identifier":
        scope = table.scope_of(statement)
        key = table.text(target)
        if values and values[-1].type != "type":
            table.assign(scope, key, values[-1])
        if scope.type == "class_definition":  # a class attribute: reached as self.x
            key = "self." + key
        for value in values:
            table.bind(scope, key, value)
    elif target.type == "attribute":
        obj, attr = target.child_by_field_name("object"), target.child_by_field_name("attribute")
        if obj is not None and attr is not None and obj.type == "identifier" and table.text(obj) == "self":
            cls = _enclosing_class(target)
            if cls is not None:
                for value in values:
                    table.bind(cls, "self." + table.text(attr), value)


def _loop_target(table: NameTable, node: Node) -> None:
    """`for f in request.files.getlist("f")`: f is an item of what the loop walks, typed as the
    container's `__getitem__` (as a subscript is, see _item)."""
    target, iterable = node.child_by_field_name("left"), node.child_by_field_name("right")
    if target is not None and iterable is not None:
        table.bind(table.scope_of(node), table.text(target), Member(iterable, "__getitem__"))


def _as_pattern(table: NameTable, node: Node) -> None:
    value = node.named_children[0] if node.named_children else None
    alias = node.child_by_field_name("alias")
    if value is None or alias is None:
        return
    target = alias.named_children[0] if alias.named_children else None
    if target is not None and target.type == "identifier":
        table.bind(table.scope_of(node), table.text(target), value)


def _enclosing_class(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type == "class_definition":
            return current
        current = current.parent
    return None


def qualify(table: NameTable, node: Node) -> str | None:
    kind = node.type
    if kind == "identifier":
        text = table.text(node)
        return table.lookup(text, node, _CLASS) or text
    if kind == "attribute":
        obj, attr = node.child_by_field_name("object"), node.child_by_field_name("attribute")
        if obj is None or attr is None:
            return None
        name = table.text(attr)
        if obj.type == "identifier" and table.text(obj) == "self":
            cls = _enclosing_class(node)
            field = table.lookup("self." + name, cls) if cls is not None else None
            if field is not None:
                return field
        return join(_receiver(table, obj), name)
    if kind == "call":
        function = node.child_by_field_name("function")
        return qualify(table, function) if function is not None else None
    if kind in ("parenthesized_expression", "type", "await"):
        inner = node.named_children[0] if node.named_children else None
        return qualify(table, inner) if inner is not None else None
    if kind == "dotted_name":
        return _dotted(table, node)
    if kind == "string" and node.parent is not None and node.parent.type == "type":
        return table.text(node).strip("\"'")  # a forward reference: "Foo"
    return None


def _receiver(table: NameTable, node: Node) -> str | None:
    """The name a value stands for as the object of an attribute: a call stands for its type."""
    if node.type == "call":
        return table.type_of(node)
    if node.type == "subscript":
        return _item(table, node)
    return qualify(table, node)


def _item(table: NameTable, node: Node) -> str | None:
    """An item read from a named container stands for `<container>.__getitem__`, as a call stands
    for its callee (`request.files["f"]` is a `flask.request.files.__getitem__`); None from a
    container without a name."""
    value = node.child_by_field_name("value")
    container = _receiver(table, value) if value is not None else None
    return f"{container}.__getitem__" if container else None


def value_type(table: NameTable, node: Node) -> str | None:
    # A call's type is its callee's name (hashlib.md5() is a `hashlib.md5`); a name's is its own;
    # an item's is its container's `__getitem__`.
    if node.type == "subscript":
        return _item(table, node)
    return qualify(table, node)
