"""Which functions taint analyses on its own: those whose code reads a source as its names resolve
(not every function that spells a source's word), and the functions whose calls the interpreter
follows into one of them (not every text `name(`). Functions not chosen are not summarised, so
the summaries a file gives back show the choice; the flows stay the same."""

from __future__ import annotations

import textwrap

from shoal.analysis import parser
from shoal.analysis.taint import TaintResult, analyse
from shoal.analysis.taint.core import Spec
from shoal.rules.registry import builtin_rules


def _spec() -> Spec:
    python = [r for r in builtin_rules() if r.taint is not None and "python" in r.languages]
    rules = [r.taint for r in python if r.taint is not None and r.mode == "taint"]
    models = [r.taint for r in python if r.taint is not None and r.mode == "taint-model"]
    return Spec(rules, models)


def _analyse(code: str) -> TaintResult:
    source = textwrap.dedent(code).encode()
    return analyse("python", parser.parse(source, "python"), source, "app.py", _spec())


def _summarised(result: TaintResult) -> set[str]:
    return {s["function"] for s in result.summaries}


def test_a_source_word_that_resolves_to_no_source_starts_nothing() -> None:
    result = _analyse("""\
        def from_response(response, cursor, extra):
            cursor.execute(response.headers["x"] + extra)
        def from_request(request, cursor, extra):
            cursor.execute(request.headers["x"] + extra)
        """)
    # Both pass `extra` to the sink; only the one that reads request data is analysed on its own.
    assert _summarised(result) == {"from_request"}
    assert [h.start[0] for h in result.hits] == [4]


def test_callers_are_the_calls_the_interpreter_follows_not_every_name() -> None:
    result = _analyse("""\
        from flask import request
        def read():
            return request.args["q"]
        def elsewhere(cursor, store):
            cursor.execute("SELECT " + store.read())
        def follows(cursor):
            cursor.execute("SELECT " + read())
        class A:
            def read(self):
                return request.args["q"]
            def use(self, cursor):
                cursor.execute("SELECT " + self.read())
        class B:
            def read(self):
                return "constant"
            def use(self, cursor, other):
                cursor.execute("SELECT " + self.read() + other)
        """)
    # `store.read()` is no function of this file, and B's `self.read()` is B's constant one:
    # neither caller is analysed on its own (each would summarise a parameter reaching a sink).
    assert "elsewhere" not in _summarised(result)
    assert "B.use" not in _summarised(result)
    assert sorted(h.start[0] for h in result.hits) == [7, 12]


def test_where_a_note_may_be_proved_safe_callers_are_still_found_by_name() -> None:
    code = """\
        from flask import request
        def read():
            return request.args["q"]
        def elsewhere(cursor, store):
            cursor.execute("SELECT " + store.read())
        """
    source = textwrap.dedent(code).encode()
    result = analyse("python", parser.parse(source, "python"), source, "app.py", _spec(), notes=[(5, 5)])
    assert "elsewhere" in _summarised(result)


def test_source_words_deep_in_one_expression_are_resolved_a_few_times_not_each() -> None:
    # 2,000 `response.headers` reads in one nested expression: resolving each name walks up the
    # tree (quadratic); past a few, the function is taken as it is written and analysed.
    reads = " + ".join(["response.headers['x']"] * 2000)
    result = _analyse(f"def view(request):\n    pass\ndef many(response, cursor):\n    cursor.execute({reads})\n")
    assert result.diagnostics and "nesting" in result.diagnostics[0]
