"""analyse_source: one parse and one query pass per file, then cheap bytes and list work."""

from __future__ import annotations

from collections.abc import Iterable

from tree_sitter import Node, Tree

from shoal.analysis import parser
from shoal.analysis.functions import measure_functions
from shoal.analysis.lines import code_line_prefix, counts_without_comments, python_counts
from shoal.models import FileMetrics

# cloc counts a leading '#!' line of these as code.
_SCRIPT_LANGUAGES = frozenset({"python", "ruby", "php", "javascript"})
# Languages whose preprocessor lines lizard leaves out of a function's nloc.
_PREPROCESSED = frozenset({"c", "cpp"})


def analyse_source(source: bytes, language: str, path: str) -> FileMetrics:
    """Line counts, functions and parse errors of one file; never raises on odd bytes."""
    if language not in parser.GRAMMARS:
        raise ValueError(f"no grammar for language {language!r}")
    return measure_tree(source, parser.parse(source, language), language, path)


def measure_tree(
    source: bytes, tree: Tree, language: str, path: str, caps: dict[str, list[Node]] | None = None,
    size: int | None = None,
) -> FileMetrics:
    """The metrics of a file already parsed; `caps` are the metrics query's captures when the
    rules pass already collected them, so the tree is walked once. `size` is the file's size when
    `source` is not its bytes as stored (a file read with replacement characters)."""
    if caps is None:
        caps = parser.captures(language, tree.root_node)
    comments = _spans(caps.get("comment", ()))
    if language == "python":
        lines = python_counts(source)
        # lizard leaves standalone triple-quoted strings out of a function's nloc.
        comments += _spans(n for n in caps.get("docstring", ()) if _triple_quoted(source, n))
    else:
        lines = counts_without_comments(source, comments, script=language in _SCRIPT_LANGUAGES)
    preprocessor = language in _PREPROCESSED
    functions = measure_functions(caps, source, lambda: code_line_prefix(source, comments, preprocessor))
    return FileMetrics(
        path=path,
        language=language,
        bytes=len(source) if size is None else size,
        lines=lines,
        functions=functions,
        parse_errors=parser.count_errors(tree, language),
    )


def _spans(nodes: Iterable[Node]) -> list[tuple[int, int]]:
    return [(node.start_byte, node.end_byte) for node in nodes]


def _triple_quoted(source: bytes, node: Node) -> bool:
    head = source[node.start_byte : min(node.start_byte + 8, node.end_byte)].lstrip(b"rRbBuUfF")
    return head.startswith((b'"""', b"'''"))
