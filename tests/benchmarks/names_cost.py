"""What the name tables cost: CPU spent inside shoal.analysis.names (building tables and the
lookups on them; outermost calls only) while the agent runs the security pass with taint over
every Python file of a folder; best of N passes.

    python tests/benchmarks/names_cost.py <folder> [--repeat N]
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import taint_cost

from shoal.analysis import names
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules

_spent = [0.0]
_inside = [False]


def _timed(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _inside[0]:  # a nested call: its time is in the outer one's
            return function(*args, **kwargs)
        _inside[0], started = True, time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _spent[0] += time.process_time() - started
            _inside[0] = False
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"error: {args.folder} is not a folder")
    names.resolve = _timed(names.resolve)  # FileNames.table looks it up on the module
    for method in ("qualify", "lookup", "assigned", "type_of", "scope_of"):
        setattr(names.NameTable, method, _timed(getattr(names.NameTable, method)))
    files = sorted(p.relative_to(args.folder).as_posix() for p in args.folder.rglob("*.py"))
    rules = RuleSet(builtin_rules())
    runs = []
    for _ in range(args.repeat):
        _spent[0] = 0.0
        total = taint_cost.cpu(args.folder, files, RuleEngine(rules))
        runs.append((_spent[0], total))
    print(f"{len(files)} files: name tables CPU best {min(r[0] for r in runs):.2f} s "
          f"({', '.join(f'{r[0]:.2f}' for r in runs)}), whole pass best {min(r[1] for r in runs):.2f} s")


if __name__ == "__main__":
    main()
