"""JavaScript and TypeScript names: `require`, ES and TypeScript imports, destructuring
(`const {exec} = require('child_process')`), assigned and annotated variables, typed parameters
and `this.x` fields. A module is named by its specifier without `node:` (`child_process`,
`js-yaml`, `@scope/pkg`); its default import stands for the module itself."""

from __future__ import annotations

from tree_sitter import Node

from shoal.analysis.names import Member, NameTable, join

SCOPES = frozenset({
    "program", "function_declaration", "generator_function_declaration", "function_expression",
    "function", "generator_function", "arrow_function", "method_definition", "class_body",
})
_COMMON = """
(import_statement) @import
(variable_declarator) @declarator
(assignment_expression) @assign
"""
_TYPESCRIPT = _COMMON + """
(required_parameter) @parameter
(optional_parameter) @parameter
(public_field_definition) @field
"""
COLLECT = {
    "javascript": _COMMON + "(field_definition) @field\n",
    "typescript": _TYPESCRIPT,
    "tsx": _TYPESCRIPT,
}
_FUNCTIONS = SCOPES - {"program", "class_body"}


def collect(table: NameTable, captures: dict[str, list[Node]]) -> None:
    for node in captures.get("import", ()):
        _import(table, node)
    for node in captures.get("declarator", ()):
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        annotation = node.child_by_field_name("type")
        if name is not None:
            _bind_pattern(table, table.scope_of(node), name, [v for v in (annotation, value) if v is not None])
    for node in captures.get("assign", ()):
        _assignment(table, node)
    for node in captures.get("parameter", ()):
        pattern, annotation = node.child_by_field_name("pattern"), node.child_by_field_name("type")
        if pattern is not None and annotation is not None and pattern.type == "identifier":
            table.bind(table.scope_of(node), table.text(pattern), annotation)
    for node in captures.get("field", ()):
        _field(table, node)


def _module(table: NameTable, node: Node | None) -> str | None:
    """A string literal's module specifier, without the `node:` scheme; a file of this
    repository's (`./db`, `../lib/db.js`) as a dotted name (see _local)."""
    if node is None or node.type != "string":
        return None
    text = table.text(node)[1:-1]
    if text.startswith(("./", "../")) or text in (".", ".."):
        return _local(table.path, text)
    return text[5:] if text.startswith("node:") else text or None


_EXTENSIONS = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")


def _local(path: str | None, specifier: str) -> str:
    """A relative specifier resolved against the importing file's folder, as the dotted name of
    the module's path without its extension (`routes/users.js` importing `../db` gives `db`):
    written as is, `./db.query` has an empty first segment, which no `*.query` sink matches."""
    parts = (path or "").replace("\\", "/").split("/")[:-1]
    for segment in specifier.split("/"):
        if segment == "..":
            if parts:
                parts.pop()
        elif segment not in ("", "."):
            parts.append(segment)
    if parts:
        parts[-1] = next((parts[-1][: -len(e)] for e in _EXTENSIONS if parts[-1].endswith(e) and parts[-1] != e),
                         parts[-1])
    return ".".join(part.replace(".", "_") for part in parts) or "index"


def _import(table: NameTable, node: Node) -> None:
    scope = table.scope_of(node)
    module = _module(table, node.child_by_field_name("source"))
    for clause in node.named_children:
        if clause.type == "import_require_clause":  # TypeScript: import x = require("y")
            name = next((c for c in clause.named_children if c.type == "identifier"), None)
            source = _module(table, clause.child_by_field_name("source"))
            if name is not None and source is not None:
                table.bind(scope, table.text(name), source)
        if clause.type != "import_clause" or module is None:
            continue
        for part in clause.named_children:
            if part.type == "identifier":  # the default export: the module itself
                table.bind(scope, table.text(part), module)
            elif part.type == "namespace_import":
                name = next((c for c in part.named_children if c.type == "identifier"), None)
                if name is not None:
                    table.bind(scope, table.text(name), module)
            elif part.type == "named_imports":
                for spec in part.named_children:
                    name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
                    if name is not None:
                        table.bind(scope, table.text(alias or name), f"{module}.{table.text(name)}")


def _bind_pattern(table: NameTable, scope: Node, target: Node, values: list[Node]) -> None:
    if target.type == "identifier":
        for value in values:
            table.bind(scope, table.text(target), value)
        if values and values[-1].type != "type_annotation":
            table.assign(scope, table.text(target), values[-1])
        return
    if target.type != "object_pattern" or not values:
        return
    value = values[-1]  # destructuring: the members of the value, not of an annotation
    for part in target.named_children:
        if part.type == "shorthand_property_identifier_pattern":
            table.bind(scope, table.text(part), Member(value, table.text(part)))
        elif part.type == "pair_pattern":
            key, bound = part.child_by_field_name("key"), part.child_by_field_name("value")
            if key is not None and bound is not None and bound.type == "identifier":
                table.bind(scope, table.text(bound), Member(value, table.text(key).strip("'\"")))
        elif part.type == "object_assignment_pattern":  # {exec = fallback}
            left = part.child_by_field_name("left")
            if left is not None and left.type == "shorthand_property_identifier_pattern":
                table.bind(scope, table.text(left), Member(value, table.text(left)))


def _assignment(table: NameTable, node: Node) -> None:
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None:
        return
    if left.type == "member_expression":
        obj, prop = left.child_by_field_name("object"), left.child_by_field_name("property")
        cls = _enclosing_class(node)
        if obj is not None and prop is not None and obj.type == "this" and cls is not None:
            table.bind(cls, "this." + table.text(prop), right)
        return
    if left.type == "parenthesized_expression" and left.named_children:
        left = left.named_children[0]
    _bind_pattern(table, table.scope_of(node), left, [right])


def _field(table: NameTable, node: Node) -> None:
    name = node.child_by_field_name("property") or node.child_by_field_name("name")
    values = [v for v in (node.child_by_field_name("type"), node.child_by_field_name("value")) if v is not None]
    cls = _enclosing_class(node)
    if name is not None and cls is not None:
        for value in values:
            table.bind(cls, "this." + table.text(name), value)


def _enclosing_class(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type == "class_body":
            return current
        current = current.parent
    return None


def qualify(table: NameTable, node: Node) -> str | None:
    kind = node.type
    if kind in ("identifier", "type_identifier", "shorthand_property_identifier"):
        text = table.text(node)
        return table.lookup(text, node) or text
    if kind == "member_expression":
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        if obj is None or prop is None:
            return None
        if obj.type == "this":
            cls = _enclosing_class(node)
            field = table.lookup("this." + table.text(prop), cls) if cls is not None else None
            return field or "this." + table.text(prop)
        return join(_receiver(table, obj), table.text(prop))
    if kind == "subscript_expression":  # crypto['createHash']
        obj, index = node.child_by_field_name("object"), node.child_by_field_name("index")
        key = _module(table, index)
        if obj is None or key is None:
            return None
        return join(_receiver(table, obj), key)
    if kind == "call_expression":
        function = node.child_by_field_name("function")
        return qualify(table, function) if function is not None else None
    if kind == "new_expression":
        constructor = node.child_by_field_name("constructor")
        return qualify(table, constructor) if constructor is not None else None
    if kind == "nested_type_identifier":
        module, name = node.child_by_field_name("module"), node.child_by_field_name("name")
        return join(qualify(table, module), table.text(name)) if module is not None and name is not None else None
    if kind in ("parenthesized_expression", "await_expression", "non_null_expression", "as_expression",
                "satisfies_expression", "type_annotation", "generic_type", "type_assertion"):
        inner = next((c for c in node.named_children if c.type not in ("type_arguments",)), None)
        return qualify(table, inner) if inner is not None else None
    return None


def _require(table: NameTable, node: Node) -> str | None:
    """`require('m')`'s module, where `require` is not a local name of the file's own."""
    function = node.child_by_field_name("function")
    arguments = node.child_by_field_name("arguments")
    if function is None or arguments is None or table.text(function) != "require":
        return None
    if table.lookup("require", node) is not None or not arguments.named_children:
        return None
    return _module(table, arguments.named_children[0])


def _receiver(table: NameTable, node: Node) -> str | None:
    if node.type in ("call_expression", "new_expression"):
        return table.type_of(node)
    return qualify(table, node)


def value_type(table: NameTable, node: Node) -> str | None:
    if node.type == "call_expression":
        module = _require(table, node)
        if module is not None:
            return module
    return qualify(table, node)
