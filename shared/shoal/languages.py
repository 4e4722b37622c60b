"""Which language a file is in, from its name: the single table every stage uses."""

from __future__ import annotations

from pathlib import PurePosixPath

# Files in no supported language that are still read, for secrets: every non-binary file.
TEXT = "text"

# Extension -> language id. Ids name the grammar (tsx is its own grammar in tree-sitter-typescript).
EXTENSIONS: dict[str, str] = {
    ".py": "python",
    ".pyi": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
    ".java": "java",
    ".go": "go",
    ".rs": "rust",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".c++": "cpp",
    ".hh": "cpp",
    ".hpp": "cpp",
    ".hxx": "cpp",
    ".rb": "ruby",
    ".rake": "ruby",
    ".php": "php",
}

# Files known by their whole name rather than their extension.
FILENAMES: dict[str, str] = {
    "Rakefile": "ruby",
    "Gemfile": "ruby",
}

LANGUAGES: tuple[str, ...] = tuple(sorted(set(EXTENSIONS.values())))


def detect_language(path: str) -> str | None:
    """The language id of `path`, or None when Shoal does not analyse that kind of file."""
    # String operations, not PurePosixPath: this runs for every file of the tree, and two path
    # objects per file were a third of the inventory's time. Same name and suffix as pathlib's.
    name = path.rpartition("/")[2]
    if name in ("", ".", ".."):
        name = PurePosixPath(path).name  # not a plain file path: pathlib normalises it
    if name in FILENAMES:
        return FILENAMES[name]
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower()) if 0 < dot < len(name) - 1 else None
