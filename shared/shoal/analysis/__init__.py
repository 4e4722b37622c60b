"""Metrics of one source file: cloc-style line counts and lizard-style function metrics."""

from __future__ import annotations

from shoal.analysis.analyse import analyse_source

__all__ = ["analyse_source"]
