"""A rule's optional `fix`: a replacement template over its captures, rendered per finding into
the exact edit (a span of the file and its new text) that SARIF `fixes` and GitHub suggestions carry."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import re2
from tree_sitter import Node

from shoal.models import Fix, Location

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class FixTemplateError(ValueError):
    """The rule's `fix` cannot work: the registry turns this into a RuleError naming the rule."""


@dataclass(frozen=True)
class FixTemplate:
    """Replace the text of capture `capture` (or, with `regex`, the regex's first match inside
    it) by `replace`, in which `{name}` is a capture's text and, with a regex, `\\1` a group."""

    replace: str
    capture: str = "finding"
    regex: Any = None  # compiled RE2 pattern
    description: str = ""

    @property
    def placeholders(self) -> set[str]:
        return set(_PLACEHOLDER.findall(self.replace))


def parse_fix(data: Mapping[str, Any]) -> FixTemplate:
    regex = None
    if data.get("regex") is not None:
        try:
            regex = re2.compile(str(data["regex"]))
        except re2.error as exc:
            raise FixTemplateError(f"fix.regex is invalid: {exc}") from None
    return FixTemplate(str(data["replace"]), str(data.get("capture") or "finding"), regex,
                       str(data.get("description") or ""))


def check_captures(template: FixTemplate, captures: set[str]) -> None:
    """Every capture the fix names must be one the rule's queries define."""
    missing = sorted(({template.capture} | template.placeholders) - captures)
    if missing:
        raise FixTemplateError(
            f"fix names capture(s) {', '.join('@' + m for m in missing)}, which no query defines "
            f"(captures: {', '.join(sorted('@' + c for c in captures))})"
        )


def render(template: FixTemplate, captures: Mapping[str, list[Node]], source: bytes, path: str) -> Fix | None:
    """The edit for one match, or None when it does not apply here (the capture or a placeholder
    did not match, or the regex finds nothing in the capture's text)."""
    nodes = captures.get(template.capture)
    if not nodes or not source:
        return None
    node = nodes[0]
    start, end = node.start_byte, node.end_byte
    original = source[start:end].decode("utf-8", "replace")
    replacement = _fill(template.replace, captures)
    if replacement is None:
        return None
    if template.regex is not None:
        match = template.regex.search(original)
        if match is None:
            return None
        text = match.expand(replacement)
        start, end = start + len(original[: match.start()].encode()), start + len(original[: match.end()].encode())
    else:
        text = replacement
    return _fix(source, start, end, text, template.description, path)


def _fill(template: str, captures: Mapping[str, list[Node]]) -> str | None:
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        nodes = captures.get(match.group(1))
        if not nodes:
            missing = True
            return ""
        # Backslashes are literal in a capture's text, never group references.
        return (nodes[0].text or b"").decode("utf-8", "replace").replace("\\", "\\\\")

    filled = _PLACEHOLDER.sub(fill, template)
    return None if missing else filled


def _fix(source: bytes, start: int, end: int, text: str, description: str, path: str) -> Fix:
    first = source.rfind(b"\n", 0, start) + 1
    newline = source.find(b"\n", end)
    last = len(source) if newline < 0 else newline
    lines = (source[first:start] + text.encode() + source[end:last]).decode("utf-8", "replace")
    start_line = source.count(b"\n", 0, start) + 1
    end_line = source.count(b"\n", 0, end) + 1
    region = Location(path=path, start_line=start_line, start_col=start - first + 1, end_line=end_line,
                      end_col=end - (source.rfind(b"\n", 0, end) + 1) + 1)
    return Fix(region, text, start_line, end_line, lines.removesuffix("\r"), description)


def apply(source: bytes, fixes: list[Fix]) -> bytes:
    """The file with every fix applied (non-overlapping fixes; later ones first so offsets hold)."""
    offsets = _line_offsets(source)
    spans = []
    for fix in fixes:
        region = fix.region
        spans.append((offsets[region.start_line - 1] + region.start_col - 1,
                      offsets[region.end_line - 1] + region.end_col - 1, fix.text.encode()))
    out = source
    for start, end, text in sorted(spans, reverse=True):
        out = out[:start] + text + out[end:]
    return out


def _line_offsets(source: bytes) -> list[int]:
    offsets = [0]
    at = source.find(b"\n")
    while at >= 0:
        offsets.append(at + 1)
        at = source.find(b"\n", at + 1)
    return offsets
