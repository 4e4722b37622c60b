"""A generated git repository of any size, the same bytes every time: a mix of languages close to a
large monorepo's (most files code, small functions with branches and loops, some text files that
only the secrets pass reads), in folders of about 40 files three levels deep. Written with
`git fast-import` (one commit), so 100,000 files take seconds, not minutes of `git add`.

Used by `tests/benchmarks/scale_bench.py` (100,000 files) and the workspace file-count test.
"""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

SEED = 19  # the issue's number: change it and every figure measured on the repository changes
FILES_PER_FOLDER = 40
COMMIT_DATE = "1767225600 +0000"  # fixed, so the commit id is the same on every machine

_GIT_ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/nonexistent", "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C",
}


def _python(r: random.Random, n: int) -> str:
    body = ["import os", "", ""]
    for i in range(n):
        body += [f"def handle_{i}(value, limit={r.randint(1, 99)}):",
                 f'    """Step {i} of the pipeline."""',
                 "    total = 0",
                 "    for item in range(limit):",
                 f"        if item % {r.randint(2, 9)} == 0 and value:",
                 "            total += item",
                 "        elif item > value:",
                 "            break",
                 "    return total", "", ""]
    return "\n".join(body)


def _c_like(r: random.Random, n: int, signature: str, declare: str) -> str:
    body = []
    for i in range(n):
        body += [signature.format(i=i) + " {",
                 f"    {declare} total = 0;",
                 f"    for ({declare} i = 0; i < limit; i++) {{",
                 f"        if (i % {r.randint(2, 9)} == 0) {{ total += i; }}",
                 "        else if (i > limit / 2) { break; }",
                 "    }",
                 "    return total;",
                 "}", ""]
    return "\n".join(body)


def _javascript(r: random.Random, n: int) -> str:
    return "'use strict';\n\n" + _c_like(r, n, "function step{i}(limit)", "let") + "\nmodule.exports = {};\n"


def _typescript(r: random.Random, n: int) -> str:
    return _c_like(r, n, "export function step{i}(limit: number): number", "let")


def _java(r: random.Random, n: int) -> str:
    return ("package gen;\n\npublic class Steps {\n" + _c_like(r, n, "    static int step{i}(int limit)", "int")
            + "}\n")


def _go(r: random.Random, n: int) -> str:
    body = ["package gen", ""]
    for i in range(n):
        body += [f"func Step{i}(limit int) int {{", "\ttotal := 0", "\tfor i := 0; i < limit; i++ {",
                 f"\t\tif i%{r.randint(2, 9)} == 0 {{", "\t\t\ttotal += i", "\t\t} else if i > limit/2 {",
                 "\t\t\tbreak", "\t\t}", "\t}", "\treturn total", "}", ""]
    return "\n".join(body)


def _c(r: random.Random, n: int) -> str:
    return "#include <stdio.h>\n\n" + _c_like(r, n, "int step{i}(int limit)", "int")


def _cpp(r: random.Random, n: int) -> str:
    return "#include <vector>\n\nnamespace gen {\n" + _c_like(r, n, "int step{i}(int limit)", "int") + "}\n"


def _rust(r: random.Random, n: int) -> str:
    body = []
    for i in range(n):
        body += [f"pub fn step{i}(limit: u32) -> u32 {{", "    let mut total = 0;", "    for i in 0..limit {",
                 f"        if i % {r.randint(2, 9)} == 0 {{ total += i; }} else if i > limit / 2 {{ break; }}",
                 "    }", "    total", "}", ""]
    return "\n".join(body)


def _ruby(r: random.Random, n: int) -> str:
    body = ["module Gen"]
    for i in range(n):
        body += [f"  def self.step{i}(limit)", "    total = 0", "    (0...limit).each do |i|",
                 f"      if i % {r.randint(2, 9)} == 0", "        total += i", "      elsif i > limit / 2",
                 "        break", "      end", "    end", "    total", "  end", ""]
    return "\n".join(body + ["end", ""])


def _php(r: random.Random, n: int) -> str:
    body = ["<?php", ""]
    for i in range(n):
        body += [f"function step{i}($limit) {{", "    $total = 0;", "    for ($i = 0; $i < $limit; $i++) {",
                 f"        if ($i % {r.randint(2, 9)} == 0) {{ $total += $i; }}",
                 "        elseif ($i > $limit / 2) { break; }", "    }", "    return $total;", "}", ""]
    return "\n".join(body)


def _text(r: random.Random, n: int) -> str:
    return "\n".join(f"- note {i}: setting_{r.randint(0, 999)} = {r.randint(0, 99999)}" for i in range(n * 4)) + "\n"


# extension -> (share of files, generator). Shares follow a large mixed monorepo's, code first.
LANGUAGES: dict[str, tuple[float, Callable[[random.Random, int], str]]] = {
    "py": (0.26, _python), "js": (0.14, _javascript), "ts": (0.10, _typescript), "java": (0.10, _java),
    "go": (0.08, _go), "c": (0.06, _c), "cpp": (0.04, _cpp), "rb": (0.04, _ruby), "php": (0.04, _php),
    "rs": (0.04, _rust), "md": (0.06, _text), "txt": (0.04, _text),
}


def files(count: int, seed: int = SEED) -> Iterator[tuple[str, bytes]]:
    """(path, content) of the repository's `count` files, in path order within each folder."""
    r = random.Random(seed)
    extensions = list(LANGUAGES)
    weights = [LANGUAGES[e][0] for e in extensions]
    for index in range(count):
        folder = index // FILES_PER_FOLDER
        ext = r.choices(extensions, weights)[0]
        functions = r.randint(1, 12)
        path = f"src/m{folder // 400:02d}/g{folder // 20 % 20:02d}/d{folder % 20:02d}/f{index:06d}.{ext}"
        yield path, LANGUAGES[ext][1](r, functions).encode()


def build(repo: Path, count: int, seed: int = SEED) -> str:
    """A repository at `repo` (created) with one commit of `count` files; its commit id."""
    repo.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True, env=_GIT_ENV)
    process = subprocess.Popen(["git", "-C", str(repo), "fast-import", "--quiet"], stdin=subprocess.PIPE,
                               env=_GIT_ENV)
    assert process.stdin is not None
    write = process.stdin.write
    write(b"commit refs/heads/main\n")
    write(f"author gen <gen@example.com> {COMMIT_DATE}\ncommitter gen <gen@example.com> {COMMIT_DATE}\n".encode())
    message = f"{count} generated files (seed {seed})".encode()
    write(b"data %d\n%s\n" % (len(message), message))
    for path, content in files(count, seed):
        write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(content), content))
    write(b"\n")
    process.stdin.close()
    if process.wait() != 0:
        raise RuntimeError(f"git fast-import failed with status {process.returncode}")
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "-f", "main"], check=True, env=_GIT_ENV)
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, env=_GIT_ENV,
                          capture_output=True, text=True)
    return done.stdout.strip()
