"""Per-function metrics of shoal.analysis against lizard 1.24.3 on small real-looking files.

Expected ccn, params and start lines are what `lizard` printed for the same snippets; the line
counts are what cloc 2.11 printed. max_nesting is Shoal's own measure (see functions.py).
"""

from __future__ import annotations

import pytest

from shoal.analysis import analyse_source

SOURCES: dict[str, str] = {
    'javascript': '// Utilities for the cart.\nfunction total(items, tax = 0.2) {\n  let sum = 0;\n  for (const item of items) {\n    if (item.price > 0 && !item.free) {\n      sum += item.price;\n    }\n  }\n  return sum * (1 + tax);\n}\n\n/* Arrow helpers\n   spanning lines */\nconst label = (n) => n > 1 ? "items" : "item";\n\nclass Cart {\n  add(item, qty) {\n    switch (qty) {\n      case 0: return;\n      case 1: this.items.push(item); break;\n      default: this.items.push(...Array(qty).fill(item ?? null));\n    }\n    try { this.save(); } catch (e) { console.log(e || "x"); }\n  }\n}\n',
    'typescript': '// Utilities for the cart.\nfunction total(items, tax = 0.2) {\n  let sum = 0;\n  for (const item of items) {\n    if (item.price > 0 && !item.free) {\n      sum += item.price;\n    }\n  }\n  return sum * (1 + tax);\n}\n\n/* Arrow helpers\n   spanning lines */\nconst label = (n) => n > 1 ? "items" : "item";\n\nclass Cart {\n  add(item, qty) {\n    switch (qty) {\n      case 0: return;\n      case 1: this.items.push(item); break;\n      default: this.items.push(...Array(qty).fill(item ?? null));\n    }\n    try { this.save(); } catch (e) { console.log(e || "x"); }\n  }\n}\n',
    'java': 'package shop;\n\n/** A cart. */\npublic class Cart {\n    private final List<Item> items = new ArrayList<>();\n\n    // Adds an item unless it is free.\n    public void add(Item item, int qty) {\n        if (item == null || qty <= 0) {\n            return;\n        }\n        for (int i = 0; i < qty; i++) {\n            while (items.size() > 100 && !item.urgent()) {\n                items.remove(0);\n            }\n            items.add(item);\n        }\n    }\n\n    public int kind(int code) {\n        switch (code) {\n            case 1: return 10;\n            case 2: return 20;\n            default: return code > 0 ? 1 : 0;\n        }\n    }\n}\n',
    'go': 'package cart\n\n// Total sums the prices.\nfunc Total(items []Item, tax float64) float64 {\n\tsum := 0.0\n\tfor _, it := range items {\n\t\tif it.Price > 0 && !it.Free {\n\t\t\tsum += it.Price\n\t\t}\n\t}\n\treturn sum * (1 + tax)\n}\n\n/* Kind maps a code\n   to a kind. */\nfunc (c *Cart) Kind(code int, names ...string) string {\n\tswitch code {\n\tcase 1:\n\t\treturn "one"\n\tcase 2, 3:\n\t\treturn "few"\n\t}\n\treturn "many"\n}\n',
    'rust': '// Cart helpers.\npub fn total(items: &[Item], tax: f64) -> f64 {\n    let mut sum = 0.0;\n    for it in items {\n        if it.price > 0.0 && !it.free {\n            sum += it.price;\n        }\n    }\n    sum * (1.0 + tax)\n}\n\n/* Kind of a code. */\nfn kind(code: u32) -> Result<&\'static str, Error> {\n    let Some(x) = lookup(code) else { return Err(Error::Missing) };\n    let v = parse(x)?;\n    match v {\n        1 => Ok("one"),\n        2 | 3 => Ok("few"),\n        _ => Ok("many"),\n    }\n}\n',
    'c': '#include <stdio.h>\n\n/* Sum the positive values. */\nint total(const int *values, int n) {\n    int sum = 0;\n    for (int i = 0; i < n; i++) {\n        if (values[i] > 0 && values[i] < 100) {\n            sum += values[i];\n        }\n    }\n    return sum;\n}\n\n// Kind of a code.\nstatic const char *kind(int code) {\n    switch (code) {\n    case 1: return "one";\n    case 2: return "two";\n    default: return code > 9 ? "many" : "few";\n    }\n}\n',
    'cpp': '#include <vector>\n\n// A cart.\nclass Cart {\npublic:\n    int total(const std::vector<int> &values, int tax) const {\n        int sum = 0;\n        for (int v : values) {\n            if (v > 0 || tax > 0) {\n                sum += v;\n            }\n        }\n        return sum;\n    }\n};\n\n/* Parse a number. */\nint parse(const char *s) {\n    try {\n        return std::stoi(s);\n    } catch (const std::exception &e) {\n        return s ? -1 : 0;\n    }\n}\n',
    'ruby': '# A cart.\nclass Cart\n  def total(items, tax = 0.2)\n    sum = 0\n    items.each do |item|\n      if item.price > 0 && !item.free\n        sum += item.price\n      elsif item.gift\n        sum += 1\n      end\n    end\n    sum * (1 + tax)\n  end\n\n  # Kind of a code.\n  def kind(code)\n    case code\n    when 1 then "one"\n    when 2, 3 then "few"\n    else code > 9 ? "many" : "none"\n    end\n  end\nend\n',
    'php': '<?php\n// A cart.\nclass Cart {\n    /* Sum the prices. */\n    public function total(array $items, float $tax = 0.2): float {\n        $sum = 0;\n        foreach ($items as $item) {\n            if ($item->price > 0 && !$item->free) {\n                $sum += $item->price;\n            } elseif ($item->gift) {\n                $sum += 1;\n            }\n        }\n        return $sum * (1 + $tax);\n    }\n\n    public function kind(int $code): string {\n        switch ($code) {\n            case 1: return "one";\n            case 2: return "two";\n            default: return $code > 9 ? "many" : "few";\n        }\n    }\n}\n',
    'python': '#!/usr/bin/env python3\n"""Cart helpers."""\n\nimport os\n\n\ndef total(items, *, tax: float = 0.2, **extra):\n    """Sum the prices.\n\n    Free items are skipped.\n    """\n    total = 0\n    for item in items:\n        if item.price > 0 and not item.free:\n            total += item.price\n        elif item.gift or extra:\n            total += 1\n    return total * (1 + tax)\n\n\nclass Cart:\n    def kind(self, code):\n        def name(n):  # nested: its conditions are its own\n            return "many" if n > 9 else "few"\n\n        try:\n            match code:\n                case 1:\n                    return "one"\n                case _:\n                    return name(code)\n        except ValueError:\n            return [c for c in "x" if c]\n        finally:\n            os.sync()\n',
}

# language -> [(name, start_line, ccn, params, max_nesting)]; params None where lizard's
# count is a tokenizer artefact we do not copy (PHP typed parameters with defaults count as one).
EXPECTED: dict[str, list[tuple[str, int, int, int | None, int]]] = {
    'javascript': [('total', 2, 5, 2, 2), ('label', 14, 2, 1, 0), ('add', 17, 6, 2, 1)],
    'typescript': [('total', 2, 5, 2, 2), ('label', 14, 2, 1, 0), ('add', 17, 6, 2, 1)],
    'java': [('add', 8, 6, 2, 2), ('kind', 20, 4, 1, 1)],
    'go': [('Total', 4, 4, 2, 2), ('Kind', 16, 3, 2, 1)],
    'rust': [('total', 2, 4, 2, 2), ('kind', 13, 5, 1, 1)],
    'c': [('total', 4, 4, 2, 2), ('kind', 15, 4, 1, 1)],
    'cpp': [('total', 6, 4, 2, 2), ('parse', 18, 3, 1, 1)],
    'ruby': [('total', 3, 4, 2, 1), ('kind', 16, 4, 1, 1)],
    'php': [('total', 5, 5, None, 2), ('kind', 17, 4, 1, 1)],
    "python": [("total", 7, 6, 3, 2), ("kind", 22, 7, 2, 2), ("name", 23, 2, 1, 0)],
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_functions_match_lizard(language: str) -> None:
    metrics = analyse_source(SOURCES[language].encode(), language, f"snippet.{language}")
    assert metrics.parse_errors == 0
    got = [(f.name, f.start_line, f.ccn, f.params, f.max_nesting) for f in metrics.functions]
    expected = EXPECTED[language]
    assert len(got) == len(expected)
    for (name, start, ccn, params, nesting), actual in zip(expected, got, strict=True):
        assert actual[:3] == (name, start, ccn)
        assert params is None or actual[3] == params
        assert actual[4] == nesting


def test_python_nloc_leaves_out_docstring_and_nested_body() -> None:
    functions = analyse_source(SOURCES["python"].encode(), "python", "a.py").functions
    assert [(f.name, f.nloc) for f in functions] == [("total", 8), ("kind", 12), ("name", 2)]


def test_lambda_is_not_a_python_function_but_its_conditions_count() -> None:
    source = b"def f(xs):\n    return sorted(xs, key=lambda x: x if x else 0)\n"
    (function,) = analyse_source(source, "python", "f.py").functions
    assert (function.ccn, function.end_line) == (2, 2)


def test_invalid_utf8_does_not_raise() -> None:
    source = b"def f(\xff\xfe):\n    if \x80: pass\n\x00\x00"
    for language in EXPECTED:
        metrics = analyse_source(source, language, "bad")
        assert metrics.bytes == len(source)


def test_deep_nesting_does_not_raise() -> None:
    source = b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    metrics = analyse_source(source, "python", "deep.py")
    assert metrics.lines.code == 1
    deep_c = b"int f() { return " + b"(" * 100_000 + b"1" + b")" * 100_000 + b"; }\n"
    assert analyse_source(deep_c, "c", "deep.c").functions[0].ccn == 1


def test_parse_errors_are_counted() -> None:
    assert analyse_source(b"def f(:\n    pass\n", "python", "e.py").parse_errors > 0
    assert analyse_source(b"def f():\n    pass\n", "python", "ok.py").parse_errors == 0
