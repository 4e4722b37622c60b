"""Summaries of functions in the other files of the same scan, for calls that leave their file.

A call whose qualified name leads to a module or class of the repository (Java's
`org.acme.helpers.Request.param` to `.../org/acme/helpers/Request.java`, Python's
`helpers.utils.clean` to `helpers/utils.py` or `helpers/utils/__init__.py`) is followed through that
function's summary, computed here on demand from the callee's file: which parameters reach its return
value or a sink, and what request data it reads and gives back. Any agent computes the same summary
for the same callee, so findings do not depend on how files were partitioned.

Bounded: one level (a callee's own calls into other files are not followed), each callee file read
and parsed once per process, and a callee is only analysed when the call passes it data from a source
or its file names a source itself; otherwise the call keeps the default (its arguments flow through).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from shoal.analysis import parser
from shoal.analysis.taint.core import FileAnalysis, SinkSummary, Spec, Step, Summary, Taint

# Language -> file suffixes of its modules, and how a function is named inside its file from what
# follows the module's name: Java's file holds its class (`Request.param`), Python's the rest as is.
_MODULE_SUFFIXES = {"java": (".java",), "python": (".py",)}
SOURCE_CACHE_BYTES = 16 << 20  # callee files' bytes kept between questions about their functions
_INIT = "__init__"


@dataclass(frozen=True)
class External:
    """A function of another file, as a call sees it."""

    label: str  # how the path names it: the qualified name
    path: str  # its file, relative to the scan's root
    summary: Summary


class Repository:
    """The scan's files (path -> language) and a way to read them; summaries on demand, cached.
    Shared by the threads of one agent process: the caches are filled under a lock."""

    def __init__(self, files: Mapping[str, str], read: Callable[[str], bytes],
                 parse_budget_ms: int = 5000) -> None:
        self._modules: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (language, stem) -> [(dotted, path)]
        for path, language in files.items():
            dotted = _dotted(path, language)
            if dotted is not None:
                self._modules.setdefault((language, dotted.rsplit(".", 1)[-1]), []).append((dotted, path))
        self._read = read
        self._parse_budget_ms = parse_budget_ms
        self._files: dict[str, Callable[[], FileAnalysis] | None] = {}
        self._sources: dict[str, bytes | None] = {}  # the files read, oldest first (_source)
        self._source_bytes = 0
        self._tested: dict[tuple[str, str, str], bool] = {}  # (path, function, test) -> passed
        self._found: dict[tuple[str, str, bool], External | None] = {}
        self._lock = threading.RLock()
        self._any = bool(self._modules)

    def __bool__(self) -> bool:
        return self._any

    def module_of(self, language: str, qualified: str) -> tuple[str, str, str] | None:
        """(path, stem, rest): the repository file a qualified name's longest module prefix names,
        if exactly one file does, with the file's stem and the name's rest."""
        parts = qualified.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            prefix = ".".join(parts[:cut])
            candidates = [path for dotted, path in self._modules.get((language, parts[cut - 1]), ())
                          if dotted == prefix or dotted.endswith("." + prefix)]
            if len(candidates) == 1:
                return candidates[0], parts[cut - 1], ".".join(parts[cut:])
            if candidates:
                return None  # two files could be meant: follow neither
        return None

    def summary(self, language: str, qualified: str, spec: Spec, tainted: bool,
                follow_clean: bool = False) -> External | None:
        """The summary of the repository function `qualified` names, or None (not the
        repository's, not found, or not worth analysing: nothing tainted goes in and its file
        names no source). `follow_clean`: the language follows a callee for a source it reads
        itself, not only for the sinks tainted arguments reach (FileAnalysis.follow_clean)."""
        key = (language, qualified, tainted)
        with self._lock:
            if key not in self._found:
                self._found[key] = self._external(language, qualified, spec, tainted, follow_clean)
            return self._found[key]

    def _external(self, language: str, qualified: str, spec: Spec, tainted: bool,
                  follow_clean: bool) -> External | None:
        found = self.module_of(language, qualified)
        if found is None:
            return None
        path, stem, rest = found
        # What a summary can add to the default (the arguments flow through): a sink tainted data
        # reaches there, or a source the function reads itself. A file that names neither is not
        # worth parsing for this call.
        function = rest.rsplit(".", 1)[-1]
        if not (tainted and self._file_may(path, language, function, spec.names_sink)) and not (
                follow_clean and self._file_may(path, language, function, spec.may_start_flows)):
            return None
        make = self._file(path, language, spec)
        if make is None:
            return None
        # A fresh analysis of the file per function asked for: a summary then depends on the
        # callee alone, never on which other callee of its file an agent happened to ask first
        # (a recursive pair would otherwise be summarised differently by different agents).
        analysis = make()
        unit = analysis.by_name.get(f"{stem}.{rest}" if language == "java" else rest)
        if unit is None:
            return None
        summary = analysis.summary(unit)
        if summary is None or not (summary.sinks or summary.sources or summary.constant):
            return None
        return External(qualified, path, _located(summary, path))

    def _file_may(self, path: str, language: str, function: str, test: Callable[[bytes], bool]) -> bool:
        """A cheap bytes test of a callee: of its function's own text where the adapter can
        find that without parsing (Python), else of its whole file; once per callee and test."""
        key = (path, function, test.__name__)
        if key not in self._tested:
            source = self._source(path)
            if source is None:
                self._tested[key] = False
            else:
                from shoal.analysis import taint

                cut = getattr(taint._adapter(language), "function_text", None)  # noqa: SLF001
                self._tested[key] = test(cut(source, function) if cut is not None else source)
        return self._tested[key]

    def _file(self, path: str, language: str, spec: Spec) -> Callable[[], FileAnalysis] | None:
        if path not in self._files:
            source = self._source(path)
            if source is None or not (source.isascii() or _utf8(source)):
                self._files[path] = None
            else:
                budget = parser.parse_budget_seconds(len(source), self._parse_budget_ms)
                self._files[path] = _file_analysis(language, path, source, spec, budget)
        return self._files[path]

    def _source(self, path: str) -> bytes | None:
        """A callee file's bytes, read once while they fit in the cache: its functions are asked
        about one by one (Django: 247 reads of far fewer files, 2% of the taint analysis)."""
        if path in self._sources:
            return self._sources[path]
        try:
            source: bytes | None = self._read(path)
        except (OSError, ValueError):  # gone, changed or refused: the call keeps its default
            source = None
        self._sources[path] = source
        self._source_bytes += len(source or b"")
        while self._source_bytes > SOURCE_CACHE_BYTES and len(self._sources) > 1:
            self._source_bytes -= len(self._sources.pop(next(iter(self._sources))) or b"")
        return source


def _utf8(source: bytes) -> bool:
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _dotted(path: str, language: str) -> str | None:
    """`org/acme/Request.java` -> `org.acme.Request`; `pkg/mod/__init__.py` -> `pkg.mod`."""
    suffixes = _MODULE_SUFFIXES.get(language)
    pure = PurePosixPath(path)
    if suffixes is None or pure.suffix not in suffixes:
        return None
    parts = [*pure.parent.parts, pure.stem] if pure.stem != _INIT else list(pure.parent.parts)
    if not parts or not all(part.isidentifier() for part in parts):
        return None
    return ".".join(parts)


def _file_analysis(language: str, path: str, source: bytes, spec: Spec,
                   budget: float) -> Callable[[], FileAnalysis] | None:
    """The callee file parsed, and a way to analyse its functions as callees; None if it cannot
    be parsed within its budget."""
    from shoal.analysis import taint

    try:
        tree = parser.parse_within(source, language, budget, text=True)
    except parser.ParseBudgetExceeded:
        return None
    return taint.callee_analysis(language, tree, source, path, spec)


def _located(summary: Summary, path: str) -> Summary:
    """The summary with every step it carries placed in its own file (the caller's path would
    show them at the wrong file's lines)."""
    def placed(steps: tuple[Step, ...]) -> tuple[Step, ...]:
        return tuple(s if s.path else s._replace(path=path) for s in steps)

    return replace(
        summary,
        sources=tuple(Taint(t.origin, placed(t.steps), t.cleansed) for t in summary.sources),
        sinks=[SinkSummary(s.param, s.rule_id, s.sink_class, s.start, s.end, placed(s.steps), s.cleansed)
               for s in summary.sinks],
    )
