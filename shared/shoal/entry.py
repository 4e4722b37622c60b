"""The `shoal` command's entry point: Ctrl-C while the CLI's modules are still loading (rich, the
durable SDK, boto3: a few tenths of a second) ends with status 130 and one line, as it does later,
not with the import's traceback."""

from __future__ import annotations

import sys


def run() -> int:
    try:
        from shoal.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    return main()
