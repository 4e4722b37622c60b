"""Lambda entry point of the nightly scheduler: the handler lives in the shared library."""

from shoal.handlers.scheduler import handler

__all__ = ["handler"]
