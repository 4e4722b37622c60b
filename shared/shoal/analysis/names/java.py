"""Java names: single-type, static and wildcard imports, `java.lang` classes without an import,
fully qualified uses, declared types of locals, parameters, resources and fields (`var` takes its
initialiser's type), and the return types of well-known factories (`Runtime.getRuntime()`)."""

from __future__ import annotations

from tree_sitter import Node

from shoal.analysis.names import NameTable, join

SCOPES = frozenset({
    "program", "class_body", "interface_body", "enum_body", "method_declaration",
    "constructor_declaration", "compact_constructor_declaration", "lambda_expression",
})
COLLECT = """
(import_declaration) @import
(local_variable_declaration) @declaration
(assignment_expression left: (identifier)) @assign
(field_declaration) @declaration
(constant_declaration) @declaration
(formal_parameter) @parameter
(catch_formal_parameter) @parameter
(resource type: (_)) @parameter
(enhanced_for_statement) @parameter
(spread_parameter) @spread
"""

# java.lang classes a file uses without importing them (the ones rules and types talk about).
_JAVA_LANG = frozenset({
    "Runtime", "ProcessBuilder", "Process", "Math", "System", "String", "StringBuilder", "Object",
    "Class", "ClassLoader", "Thread", "Integer", "Long", "Boolean", "Byte", "Character", "Double",
    "Float", "Short", "Number", "Exception", "RuntimeException", "Throwable", "Error", "Iterable",
    "Enum", "Record", "StrictMath", "SecurityManager", "Void", "CharSequence", "Runnable",
})
# Classes a wildcard import may bring, by package: `import javax.crypto.*; Cipher` is resolved
# only for these (an arbitrary name cannot be told from a class of the same package).
_WILDCARD_KNOWN: dict[str, frozenset[str]] = {
    "javax.crypto": frozenset({"Cipher", "KeyGenerator", "Mac", "SecretKeyFactory", "SecretKey"}),
    "javax.crypto.spec": frozenset({"SecretKeySpec", "IvParameterSpec", "PBEKeySpec", "GCMParameterSpec"}),
    "java.security": frozenset({"MessageDigest", "SecureRandom", "KeyPairGenerator", "Signature", "KeyStore"}),
    "java.util.concurrent": frozenset({"ThreadLocalRandom"}),
    "java.util": frozenset({"Random", "SplittableRandom", "List", "Map", "Set", "ArrayList", "HashMap", "Base64", "Properties"}),
    "java.io": frozenset({"ObjectInputStream", "File", "FileInputStream", "InputStream", "ObjectOutputStream",
                          "PrintWriter", "Writer", "FileReader", "FileWriter", "FileOutputStream",
                          "RandomAccessFile", "BufferedReader", "InputStreamReader"}),
    "java.beans": frozenset({"XMLDecoder"}),
    "javax.xml.parsers": frozenset({"DocumentBuilderFactory", "DocumentBuilder", "SAXParserFactory", "SAXParser"}),
    "javax.xml.stream": frozenset({"XMLInputFactory"}),
    "javax.xml.transform": frozenset({"TransformerFactory"}),
    "javax.xml.validation": frozenset({"SchemaFactory", "Validator"}),
    "javax.net.ssl": frozenset({"SSLContext", "TrustManager", "X509TrustManager", "HostnameVerifier", "HttpsURLConnection"}),
    "javax.servlet.http": frozenset({"Cookie", "HttpServletRequest", "HttpServletResponse", "HttpSession", "Part"}),
    "jakarta.servlet.http": frozenset({"Cookie", "HttpServletRequest", "HttpServletResponse", "HttpSession", "Part"}),
    "org.xml.sax": frozenset({"XMLReader"}),
    "javax.script": frozenset({"ScriptEngine", "ScriptEngineManager", "Compilable"}),
    "groovy.lang": frozenset({"GroovyShell", "GroovyClassLoader"}),
    "org.apache.commons.jexl3": frozenset({"JexlEngine", "JexlBuilder", "JexlScript", "JexlExpression"}),
    "org.apache.commons.jexl2": frozenset({"JexlEngine", "Script", "Expression"}),
    "org.springframework.expression": frozenset({"ExpressionParser", "Expression"}),
    "org.springframework.expression.spel.standard": frozenset({"SpelExpressionParser"}),
    "javax.naming.directory": frozenset({"DirContext", "InitialDirContext", "SearchControls"}),
    "javax.naming.ldap": frozenset({"LdapContext", "InitialLdapContext"}),
    "javax.xml.xpath": frozenset({"XPath", "XPathFactory", "XPathExpression"}),
    "java.net": frozenset({"URL", "URI", "HttpURLConnection", "InetAddress", "Socket", "URLEncoder"}),
    "javax.imageio": frozenset({"ImageIO"}),
    "java.sql": frozenset({"Statement", "Connection", "PreparedStatement", "CallableStatement", "ResultSet",
                           "DriverManager"}),
    "java.nio.file": frozenset({"Files", "Paths", "Path"}),
    "java.net.http": frozenset({"HttpClient", "HttpRequest"}),
}
# Static calls whose result is of another type than the class's own (or that the rule below
# would not see): `Runtime.getRuntime()` is a Runtime, `XMLReaderFactory.createXMLReader()` an XMLReader.
_FACTORIES: dict[str, str] = {
    "java.lang.Runtime.getRuntime": "java.lang.Runtime",
    "javax.xml.parsers.DocumentBuilderFactory.newDocumentBuilder": "javax.xml.parsers.DocumentBuilder",
    "javax.xml.parsers.SAXParserFactory.newSAXParser": "javax.xml.parsers.SAXParser",
    "javax.xml.parsers.SAXParser.getXMLReader": "org.xml.sax.XMLReader",
    "org.xml.sax.helpers.XMLReaderFactory.createXMLReader": "org.xml.sax.XMLReader",
    "javax.xml.transform.TransformerFactory.newTransformer": "javax.xml.transform.Transformer",
    "javax.xml.validation.SchemaFactory.newSchema": "javax.xml.validation.Schema",
    "javax.xml.validation.Schema.newValidator": "javax.xml.validation.Validator",
    "java.lang.ProcessBuilder.start": "java.lang.Process",
    "java.util.concurrent.ThreadLocalRandom.current": "java.util.concurrent.ThreadLocalRandom",
    "javax.script.ScriptEngineManager.getEngineByName": "javax.script.ScriptEngine",
    "javax.script.ScriptEngineManager.getEngineByExtension": "javax.script.ScriptEngine",
    "javax.script.ScriptEngineManager.getEngineByMimeType": "javax.script.ScriptEngine",
    "org.apache.commons.jexl3.JexlBuilder.create": "org.apache.commons.jexl3.JexlEngine",
    "javax.xml.xpath.XPathFactory.newXPath": "javax.xml.xpath.XPath",
    "javax.servlet.http.HttpServletResponse.getWriter": "java.io.PrintWriter",
    "jakarta.servlet.http.HttpServletResponse.getWriter": "java.io.PrintWriter",
    "javax.servlet.ServletResponse.getWriter": "java.io.PrintWriter",
    "jakarta.servlet.ServletResponse.getWriter": "java.io.PrintWriter",
    "java.io.PrintWriter.append": "java.io.PrintWriter",
    "javax.servlet.http.HttpServletRequest.getSession": "javax.servlet.http.HttpSession",
    "jakarta.servlet.http.HttpServletRequest.getSession": "jakarta.servlet.http.HttpSession",
    "org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes":
        "org.springframework.web.context.request.RequestAttributes",
    "org.springframework.web.context.request.RequestContextHolder.getRequestAttributes":
        "org.springframework.web.context.request.RequestAttributes",
    "java.io.PrintWriter.printf": "java.io.PrintWriter",
    "java.io.PrintWriter.format": "java.io.PrintWriter",
}
# A static call of one of these on a class returns an instance of that class (Cipher.getInstance,
# DocumentBuilderFactory.newInstance, XMLInputFactory.newFactory, SSLContext.getDefault...).
_SELF_FACTORIES = frozenset({"getInstance", "newInstance", "newFactory", "newDefaultInstance", "getDefault"})


def collect(table: NameTable, captures: dict[str, list[Node]]) -> None:
    for node in captures.get("import", ()):
        _import(table, node)
    for node in captures.get("declaration", ()):
        _declaration(table, node)
    for node in captures.get("parameter", ()):
        _parameter(table, node)
    for node in captures.get("spread", ()):
        _spread(table, node)
    for node in captures.get("assign", ()):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None:
            table.assign(table.scope_of(node), table.text(left), right)


def _import(table: NameTable, node: Node) -> None:
    name = next((c for c in node.named_children if c.type in ("scoped_identifier", "identifier")), None)
    if name is None:
        return
    dotted = "".join(table.text(name).split())
    static = any(c.type == "static" for c in node.children)
    if any(c.type == "asterisk" for c in node.children):
        table.extra.setdefault("static_wildcards" if static else "wildcards", []).append(dotted)
        return
    table.bind(table.scope_of(node), dotted.rsplit(".", 1)[-1], dotted)


def _declaration(table: NameTable, node: Node) -> None:
    declared = node.child_by_field_name("type")
    scope = table.scope_of(node)
    for declarator in node.children_by_field_name("declarator"):
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is None or declarator.child_by_field_name("dimensions") is not None:
            continue
        if value is not None:
            table.assign(scope, table.text(name), value)
        if declared is not None and table.text(declared) != "var":
            table.bind(scope, table.text(name), declared)
        elif value is not None:
            table.bind(scope, table.text(name), value)


def _parameter(table: NameTable, node: Node) -> None:
    declared, name = node.child_by_field_name("type"), node.child_by_field_name("name")
    if declared is None and node.type == "catch_formal_parameter":
        catch = next((c for c in node.named_children if c.type == "catch_type"), None)
        declared = catch.named_children[0] if catch is not None and len(catch.named_children) == 1 else None
    if declared is None or name is None or node.child_by_field_name("dimensions") is not None:
        return
    if table.text(declared) == "var":
        value = node.child_by_field_name("value")
        if value is None:
            return
        declared = value
    table.bind(table.scope_of(node), table.text(name), declared)


def _spread(table: NameTable, node: Node) -> None:
    # String... args is an array: its elements' type is not the variable's; only the name is known.
    return


def qualify(table: NameTable, node: Node) -> str | None:
    kind = node.type
    if kind == "identifier":
        text = table.text(node)
        return table.lookup(text, node) or _class_name(table, text) or text
    if kind == "type_identifier":
        text = table.text(node)
        return _class_name(table, text, node) or text
    if kind in ("scoped_identifier", "scoped_type_identifier"):
        parts = node.named_children
        if len(parts) < 2:
            return table.text(node)
        return join(qualify(table, parts[0]), table.text(parts[-1]))
    if kind == "field_access":
        obj, field = node.child_by_field_name("object"), node.child_by_field_name("field")
        if obj is None or field is None:
            return None
        if obj.type == "this":
            found = table.lookup(table.text(field), node)
            return found or "this." + table.text(field)
        return join(_receiver(table, obj), table.text(field))
    if kind == "method_invocation":
        obj, name = node.child_by_field_name("object"), node.child_by_field_name("name")
        if name is None:
            return None
        method = table.text(name)
        if obj is None:
            return table.lookup(method, node) or method  # a static import, or this class's
        if obj.type == "this":
            return "this." + method
        return join(_receiver(table, obj), method)
    if kind == "object_creation_expression":
        created = node.child_by_field_name("type")
        return qualify(table, created) if created is not None else None
    if kind == "generic_type":
        base = node.named_children[0] if node.named_children else None
        return qualify(table, base) if base is not None else None
    if kind == "array_type":
        element = node.child_by_field_name("element")
        qualified = qualify(table, element) if element is not None else None
        return qualified + "[]" if qualified else None
    if kind == "cast_expression":
        cast = node.child_by_field_name("type")
        return qualify(table, cast) if cast is not None else None
    if kind == "parenthesized_expression":
        inner = node.named_children[0] if node.named_children else None
        return qualify(table, inner) if inner is not None else None
    return None


def _class_name(table: NameTable, text: str, at: Node | None = None) -> str | None:
    """A simple class name through the imports, java.lang, or a wildcard import known to hold it."""
    if at is not None:
        found = table.lookup(text, at)
        if found is not None:
            return found
    if text in _JAVA_LANG:
        return "java.lang." + text
    for package in table.extra.get("wildcards", ()):
        if text in _WILDCARD_KNOWN.get(package, ()):
            return f"{package}.{text}"
    return None


def _receiver(table: NameTable, node: Node) -> str | None:
    """The type a receiver expression stands for: a call's is its return type where known."""
    if node.type in ("method_invocation", "object_creation_expression"):
        return table.type_of(node)
    return qualify(table, node)


def value_type(table: NameTable, node: Node) -> str | None:
    name = qualify(table, node)
    if name is None or node.type != "method_invocation":
        return name
    if name in _FACTORIES:
        return _FACTORIES[name]
    owner, _, method = name.rpartition(".")
    if method in _SELF_FACTORIES and owner and owner.rsplit(".", 1)[-1][:1].isupper():
        return owner
    return name
